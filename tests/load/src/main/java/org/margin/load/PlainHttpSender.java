package org.margin.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Sends requests written out beforehand, byte for byte, over kept-alive HTTP/1.1 connections to one server, and
 * reads each answer to its end (its body kept only when asked for): a load driver's sender that costs next to
 * nothing per request, as wrk does, so that on a machine it shares with the server under test the driver takes as
 * little as it can of the cores measured.
 * (An HTTP client library parses and builds headers, pools and routes: a hundred microseconds and more of a core per
 * request, which the server then lacks.) Answers must carry Content-Length or be chunked.
 */
final class PlainHttpSender implements AutoCloseable {

    private final InetSocketAddress server;
    private final BlockingQueue<Connection> idle;

    PlainHttpSender(InetSocketAddress server, int connections) {
        this.server = server;
        this.idle = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            idle.add(new Connection());
        }
    }

    InetSocketAddress server() {
        return server;
    }

    /** A POST of {@code body} to {@code path} with these extra header lines ("Name: value"), ready to send. */
    static byte[] post(InetSocketAddress server, String path, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(server.getHostString()).append(':').append(server.getPort()).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[start.length + body.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(body, 0, request, start.length, body.length);
        return request;
    }

    /** Sends the request on an idle connection and returns the answer's status, or -1 when it could not be sent. */
    int send(byte[] request) {
        try {
            return exchange(request, false).status();
        } catch (IOException lost) {
            return -1;
        }
    }

    /** Sends the request on an idle connection and returns the answer, its body read. */
    Answer call(byte[] request) throws IOException {
        return exchange(request, true);
    }

    /** An answer's status and, when asked for, its body. */
    record Answer(int status, byte[] body) {
    }

    private Answer exchange(byte[] request, boolean keepBody) throws IOException {
        Connection connection;
        try {
            connection = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a connection");
        }
        try {
            return connection.exchange(request, keepBody);
        } catch (IOException | UncheckedIOException lost) {
            connection.close();
            throw lost instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) lost;
        } finally {
            idle.add(connection);
        }
    }

    @Override
    public void close() {
        idle.forEach(Connection::close);
    }

    private final class Connection {
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Answer exchange(byte[] request, boolean keepBody) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(server, 5_000);
                socket.setSoTimeout(60_000);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream(), 8_192);
            }
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closes = true;
                }
            }
            ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
            if (chunked) {
                for (long size = Long.parseLong(line().strip(), 16); size > 0;
                     size = Long.parseLong(line().strip(), 16)) {
                    take(size, body);
                    line();
                }
                line();
            } else if (length > 0) {
                take(length, body);
            }
            if (closes) {
                close();
            }
            return new Answer(code, body == null ? new byte[0] : body.toByteArray());
        }

        /** Reads the next {@code bytes} of the answer into {@code body}, or past them when it is null. */
        private void take(long bytes, ByteArrayOutputStream body) throws IOException {
            if (body == null) {
                in.skipNBytes(bytes);
            } else {
                body.write(in.readNBytes(Math.toIntExact(bytes)));
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the connection closed mid-answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing a connection already lost
            } finally {
                socket = null;
            }
        }
    }
}
