package org.margin.runtime.mcp.resource;

import java.util.List;
import java.util.Map;

/** Reads one resource, or one resource of a template, when a client asks for it. */
@FunctionalInterface
public interface ResourceReader {

    /**
     * @param uri       the URI the client asked for
     * @param variables the template variables matched in {@code uri}; empty for a plain resource
     * @return at least one contents entry
     */
    List<ResourceContents> read(String uri, Map<String, String> variables) throws Exception;
}
