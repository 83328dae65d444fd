package org.margin.runtime.mcp.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.margin.runtime.mcp.session.SessionStore;

/**
 * The SSE stream of one response. Every event has an id {@code <stream>-<n>}. A resumable stream (2025-11-25)
 * starts with a priming event carrying a {@code retry} interval, keeps its events, survives the loss of its
 * connection, and continues on the connection of a GET with {@code Last-Event-ID}; a plain stream
 * (2026-07-28) ends with its connection, which cancels the request.
 */
final class EventStream {

    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.UTF_8);

    private final String id;
    private final String sessionId;
    private final boolean resumable;
    private final SessionStore keeper;
    private final List<byte[]> events = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finishedOrDetached = lock.newCondition();
    private OutputStream sink;
    private int sequence;
    private boolean finished;
    private boolean delivered;
    private long finishedAtMillis;

    /** A plain stream, or a resumable one whose events only this instance keeps. */
    EventStream(String id, String sessionId, boolean resumable) {
        this(id, sessionId, resumable, null);
    }

    /** A resumable stream whose events {@code keeper} also keeps, for a client that resumes on another instance. */
    EventStream(String id, String sessionId, boolean resumable, SessionStore keeper) {
        this.id = id;
        this.sessionId = sessionId;
        this.resumable = resumable;
        this.keeper = keeper;
    }

    String id() {
        return id;
    }

    String sessionId() {
        return sessionId;
    }

    /** Starts the stream on its first connection. */
    void open(OutputStream connection, int retryMillis) {
        lock.lock();
        try {
            sink = connection;
            if (resumable) {
                write(("id: " + id + "-0\nretry: " + retryMillis + "\ndata: \n\n").getBytes(StandardCharsets.UTF_8));
                keep(0, new byte[0], false);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends one JSON-RPC message as the next event. */
    void send(byte[] message) {
        send(message, false);
    }

    private void send(byte[] message, boolean last) {
        lock.lock();
        try {
            byte[] event = frame(++sequence, message);
            if (resumable) {
                events.add(event);
                keep(sequence, event, last);
            }
            write(event);
        } finally {
            lock.unlock();
        }
    }

    /** Sends the final message and ends the stream. */
    void finish(byte[] message, long nowMillis) {
        lock.lock();
        try {
            send(message, true);
            conclude(nowMillis);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the stream without a final message, for a request its client cancelled: a client that resumes it gets
     * the events sent before, then the end, instead of waiting for a response that will not come.
     */
    void end(long nowMillis) {
        lock.lock();
        try {
            if (resumable) {
                // Keeping the last event again, marked final, lets a client that follows the stream through the
                // store on another instance stop there too.
                keep(sequence, sequence == 0 ? new byte[0] : events.get(sequence - 1), true);
            }
            conclude(nowMillis);
        } finally {
            lock.unlock();
        }
    }

    private void conclude(long nowMillis) {
        delivered = sink != null;
        finished = true;
        finishedAtMillis = nowMillis;
        closeSink();
        finishedOrDetached.signalAll();
    }

    /** Closes the current connection early; a resumable stream goes on for the client's next GET. */
    void release() {
        lock.lock();
        try {
            if (resumable && !finished) {
                closeSink();
                finishedOrDetached.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Continues the stream on a new connection: replays the events after {@code lastEventNumber}, then delivers
     * the rest, returning when the stream ends or the connection is lost or replaced.
     */
    void resume(long lastEventNumber, OutputStream connection) throws InterruptedException {
        lock.lock();
        try {
            closeSink();
            finishedOrDetached.signalAll();
            sink = connection;
            for (int index = (int) Math.max(0, lastEventNumber); index < events.size() && sink != null; index++) {
                write(events.get(index));
            }
            if (finished) {
                delivered = sink != null;
                closeSink();
                return;
            }
            while (!finished && sink == connection) {
                finishedOrDetached.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether a finished stream may be forgotten: delivered, or kept long enough for a late reconnection. */
    boolean disposable(long nowMillis, long keepMillis) {
        lock.lock();
        try {
            return finished && (delivered || nowMillis - finishedAtMillis > keepMillis);
        } finally {
            lock.unlock();
        }
    }

    private void keep(int number, byte[] event, boolean last) {
        if (keeper != null) {
            keeper.keepStreamEvent(sessionId, id, number, event, last);
        }
    }

    private byte[] frame(int number, byte[] message) {
        byte[] head = ("id: " + id + "-" + number).getBytes(StandardCharsets.UTF_8);
        byte[] event = new byte[head.length + DATA.length + message.length + END.length];
        System.arraycopy(head, 0, event, 0, head.length);
        System.arraycopy(DATA, 0, event, head.length, DATA.length);
        System.arraycopy(message, 0, event, head.length + DATA.length, message.length);
        System.arraycopy(END, 0, event, head.length + DATA.length + message.length, END.length);
        return event;
    }

    private void write(byte[] event) {
        if (sink == null) {
            return;
        }
        try {
            sink.write(event);
            sink.flush();
        } catch (IOException gone) {
            sink = null;
            if (!resumable) {
                throw new UncheckedIOException(gone);
            }
        }
    }

    private void closeSink() {
        if (sink == null) {
            return;
        }
        try {
            sink.close();
        } catch (IOException alreadyGone) {
            // The client left first; nothing remains to close.
        } finally {
            sink = null;
        }
    }
}
