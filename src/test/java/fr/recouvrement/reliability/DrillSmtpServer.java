package fr.recouvrement.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The drills' SMTP server: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT on the loopback. It counts every message it
 * takes by {@code Message-ID} and recipient, and on demand answers {@code 451} to one message in N after its body, or
 * closes the connection after the body of one in M without answering. A message whose connection it dropped was
 * received all the same: that is the uncertainty a real relay leaves (it may have queued it), so a client that sends
 * it again shows up here as a duplicate. GreenMail can do neither.
 */
public final class DrillSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "drill-smtp");
        thread.setDaemon(true);
        return thread;
    });
    /** "Message-ID recipient" → times received. */
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicLong bodies = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile int refuseOneIn;
    private volatile int dropOneIn;
    private volatile Runnable beforeAccepting = () -> { };

    public DrillSmtpServer() throws IOException {
        socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "drill-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** From the next message on: 451 after the body of one message in {@code refuse}, a dropped connection after the
     * body of one in {@code drop}; 0 switches a fault off. */
    public void faults(int refuse, int drop) {
        this.refuseOneIn = refuse;
        this.dropOneIn = drop;
    }

    /** Runs between a message's body and the server's "250": what happens elsewhere while the server takes it. */
    public void beforeAccepting(Runnable action) {
        this.beforeAccepting = action;
    }

    /** How many times the server took this message for this recipient. */
    public int times(String messageId, String recipient) {
        AtomicInteger count = received.get(key(messageId, recipient));
        return count == null ? 0 : count.get();
    }

    /** Distinct messages taken (a message and a recipient). */
    public int distinct() {
        return received.size();
    }

    /** Messages taken more than once. */
    public List<String> duplicates() {
        List<String> twice = new ArrayList<>();
        received.forEach((key, count) -> {
            if (count.get() > 1) {
                twice.add(key + " ×" + count.get());
            }
        });
        return twice;
    }

    public long refused() {
        return refused.get();
    }

    public long dropped() {
        return dropped.get();
    }

    private static String key(String messageId, String recipient) {
        return messageId + " " + recipient.toLowerCase(Locale.ROOT);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> converse(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            client.setSoTimeout(120_000);
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            reply(out, "220 drill.test ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 drill.test");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(address(line));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String messageId = body(in);
                        long number = bodies.incrementAndGet();
                        int drop = dropOneIn;
                        int refuse = refuseOneIn;
                        if (drop > 0 && number % drop == 0) {
                            // Taken, then the connection breaks before the client hears "250".
                            recipients.forEach(recipient -> count(messageId, recipient));
                            dropped.incrementAndGet();
                            return;
                        }
                        if (refuse > 0 && number % refuse == 0) {
                            refused.incrementAndGet();
                            reply(out, "451 4.3.0 Try again later");
                        } else {
                            recipients.forEach(recipient -> count(messageId, recipient));
                            beforeAccepting.run();
                            reply(out, "250 OK queued");
                        }
                        recipients.clear();
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            // The client went away: nothing to count.
        }
    }

    private void count(String messageId, String recipient) {
        received.computeIfAbsent(key(messageId, recipient), k -> new AtomicInteger()).incrementAndGet();
    }

    /** Reads the body up to its lone dot; returns its Message-ID header ("?" when it has none). */
    private static String body(BufferedReader in) throws IOException {
        String messageId = "?";
        boolean headers = true;
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (headers && line.isEmpty()) {
                headers = false;
            } else if (headers && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).strip();
            }
        }
        if (line == null) {
            throw new IOException("connection closed in DATA");
        }
        return messageId;
    }

    private static String address(String line) {
        int start = line.indexOf('<');
        int end = line.indexOf('>', start + 1);
        return start >= 0 && end > start ? line.substring(start + 1, end) : line.substring(line.indexOf(':') + 1).strip();
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }
}
