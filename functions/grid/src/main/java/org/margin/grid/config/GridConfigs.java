package org.margin.grid.config;

import java.util.Properties;

import com.hazelcast.client.config.ClientClasspathYamlConfig;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.ClasspathYamlConfig;
import com.hazelcast.config.Config;

/**
 * Loads the YAML of hazelcast-config/, which Maven packages into this module's jar: the files in that folder are
 * the only place where sizes, TTLs, eviction, backups and discovery are set.
 */
public final class GridConfigs {

    private GridConfigs() {
    }

    public static Config member(GridProfile profile) {
        return new ClasspathYamlConfig(GridConfigs.class.getClassLoader(), profile.memberResource(), new Properties());
    }

    public static ClientConfig client(GridProfile profile) {
        return new ClientClasspathYamlConfig(GridConfigs.class.getClassLoader(), profile.clientResource(),
                new Properties());
    }
}
