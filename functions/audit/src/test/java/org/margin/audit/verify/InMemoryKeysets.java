package org.margin.audit.verify;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.margin.privacy.crypto.KeysetRepository;
import org.margin.privacy.crypto.StoredKeyset;

/** A forger's own keyset store, apart from the installation's. */
final class InMemoryKeysets implements KeysetRepository {

    private final Map<String, StoredKeyset> latest = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredKeyset> latest(String name) {
        return Optional.ofNullable(latest.get(name));
    }

    @Override
    public OptionalLong latestVersion(String name) {
        return latest(name).map(keyset -> OptionalLong.of(keyset.version())).orElse(OptionalLong.empty());
    }

    @Override
    public void append(StoredKeyset keyset) {
        latest.put(keyset.name(), keyset);
    }
}
