package org.margin.grid.coherence;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;

/**
 * Makes a write visible everywhere before it is acknowledged. Hazelcast sends near-cache invalidations on its
 * own, but asynchronously: an instance may still answer from its near cache after the writer returned. So the
 * writer also publishes a notice and waits until every instance listed by {@link InstanceLease} has dropped its
 * copy and said so. An instance that does not answer in time is struck from the list, and the writer waits one
 * lease more: by then that instance no longer trusts its near cache, whatever happened to it.
 */
public final class WriteNotices {

    static final String NOTICES = "margin.grid.notices";
    static final String ACKNOWLEDGEMENTS = "margin.grid.acks.";

    private final String instanceId;
    private final Duration lease;
    private final NearCaches nearCaches;
    private final long ackTimeoutMillis;
    private final BiConsumer<String, InvalidationCause> invalidated;
    private final Map<String, Awaited> awaited = new ConcurrentHashMap<>();

    /**
     * @param invalidated told of each near-cache entry dropped, by map name and cause (for metrics)
     */
    public WriteNotices(String instanceId, Duration lease, NearCaches nearCaches, Duration ackTimeout,
                        BiConsumer<String, InvalidationCause> invalidated) {
        this.instanceId = instanceId;
        this.lease = lease;
        this.nearCaches = nearCaches;
        this.ackTimeoutMillis = ackTimeout.toMillis();
        this.invalidated = invalidated;
    }

    /** The id under which this instance is listed and acknowledges notices. */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Listens for notices and acknowledgements; once per client, whose listeners outlive reconnections. Returns what
     * stops listening.
     */
    public Runnable subscribe(HazelcastInstance client) {
        ITopic<String> acknowledgements = client.getTopic(ACKNOWLEDGEMENTS + instanceId);
        UUID acknowledgementListener = acknowledgements.addMessageListener(message -> {
            Acknowledgement acknowledgement = Acknowledgement.decode(message.getMessageObject());
            Awaited waiting = awaited.get(acknowledgement.writeId());
            if (waiting != null) {
                waiting.acknowledged(acknowledgement.instance());
            }
        });
        ITopic<String> notices = client.getTopic(NOTICES);
        UUID noticeListener = notices.addMessageListener(message -> {
            Notice notice = Notice.decode(message.getMessageObject());
            nearCaches.of(notice.mapName()).ifPresent(nearCache -> notice.keys().forEach(key -> {
                nearCache.invalidate(key);
                invalidated.accept(notice.mapName(), InvalidationCause.NOTICE);
            }));
            client.<String>getTopic(ACKNOWLEDGEMENTS + notice.writer())
                    .publishAsync(new Acknowledgement(notice.writeId(), instanceId).encode());
        });
        return () -> {
            notices.removeMessageListener(noticeListener);
            acknowledgements.removeMessageListener(acknowledgementListener);
        };
    }

    /**
     * Returns once no instance can answer {@code key} of {@code mapName} from its near cache with what was there
     * before this call. The caller has already replaced the grid's entry.
     */
    public void confirm(HazelcastInstance client, String mapName, String key) throws InterruptedException {
        confirm(client, mapName, List.of(key));
    }

    /**
     * Returns once no instance can answer any of {@code keys} of {@code mapName} from its near cache with what was
     * there before this call: one notice and one acknowledgement per instance for all of them. The caller has
     * already replaced their grid entries.
     */
    public void confirm(HazelcastInstance client, String mapName, List<String> keys) throws InterruptedException {
        IMap<String, String> instances = InstanceLease.instances(client);
        Awaited waiting = new Awaited(ConcurrentHashMap.newKeySet());
        waiting.instances.addAll(instances.keySet());
        if (waiting.instances.isEmpty()) {
            return;
        }
        String writeId = UUID.randomUUID().toString();
        awaited.put(writeId, waiting);
        try {
            client.<String>getTopic(NOTICES).publish(new Notice(mapName, keys, writeId, instanceId).encode());
            waiting.done.get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException silent) {
            waiting.instances.forEach(instances::delete);
            Thread.sleep(lease.toMillis());
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        } finally {
            awaited.remove(writeId);
        }
    }

    private record Awaited(Set<String> instances, CompletableFuture<Void> done) {

        Awaited(Set<String> instances) {
            this(instances, new CompletableFuture<>());
        }

        void acknowledged(String instance) {
            instances.remove(instance);
            if (instances.isEmpty()) {
                done.complete(null);
            }
        }
    }
}
