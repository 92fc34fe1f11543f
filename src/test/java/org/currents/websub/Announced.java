package org.currents.websub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A POST that announces a body of some length and never sends it, over a raw socket: a server that
 * refuses an oversized body answers before reading it, and a client still writing the body would
 * then fail on a broken pipe instead of reading the answer.
 */
final class Announced {
    private Announced() {
    }

    /** The whole response (status line, headers, body) to a POST announcing {@code length} bytes of {@code type}. */
    static String post(URI url, String type, int length) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\nContent-Type: " + type + "\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // The server keeps the connection for the body it waits for: what it answered is all there is.
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
