package com.lanonasis.gateway.adapters.mcp.transport;

import com.lanonasis.gateway.adapters.http.shared.RequestAttributes;
import com.lanonasis.gateway.adapters.mcp.protocol.McpJson;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSession;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSessions;
import com.lanonasis.gateway.adapters.mcp.security.McpAuthException;
import com.lanonasis.gateway.adapters.mcp.security.McpCallers;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

/**
 * MCP over WebSocket, as the TypeScript SDK's WebSocket client transport speaks it: subprotocol
 * {@code mcp}, one JSON-RPC message per text frame, one MCP session per connection. The credential
 * of the upgrade is verified again before every message and on every re-check period; once it is
 * revoked or expired the socket closes with 1008 (policy violation) and a reason such as
 * {@code credential revoked}. Messages are handled in arrival order off the network thread (the
 * check may read the database); a client with more than {@value #WAITING_LIMIT} messages waiting
 * is closed with 1008 {@code too many messages waiting}.
 */
abstract class McpWebSocket {

    private static final String SESSION = "onasis.mcp.session";
    private static final String CALLER = "onasis.mcp.caller";
    private static final String CREDENTIAL = "onasis.mcp.credential";
    private static final String WATCH = "onasis.mcp.credential-watch";
    private static final String WORK = "onasis.mcp.ordered-work";
    static final int WAITING_LIMIT = 256;

    private final McpSessions sessions;
    private final Exchange exchange;
    private final SessionEvents events;
    private final McpJson json;
    private final McpCallers callers;
    private final Executor workers;

    McpWebSocket(McpSessions sessions, Exchange exchange, SessionEvents events, McpJson json, McpCallers callers,
            Executor workers) {
        this.callers = callers;
        this.workers = workers;
        this.sessions = sessions;
        this.exchange = exchange;
        this.events = events;
        this.json = json;
    }

    @OnOpen
    void opened(WebSocketSession socket, HttpRequest<?> request) {
        Principal caller = RequestAttributes.CALLER.get(request).orElse(null);
        Credential credential = RequestAttributes.UPGRADE_CREDENTIAL.get(request).orElse(null);
        if (caller == null || credential == null) {
            socket.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        McpSession session = sessions.open(caller);
        socket.put(SESSION, session);
        socket.put(CALLER, caller);
        socket.put(CREDENTIAL, credential);
        socket.put(WORK, new OrderedWork(workers, WAITING_LIMIT));
        socket.put(WATCH, callers.watch(credential, reason -> refuse(socket, reason)));
        // ended from elsewhere (the per-user cap evicted it): the socket has nothing left to serve
        sessions.whenEnded(session, ended -> {
            if (socket.isOpen()) {
                socket.close(new CloseReason(CloseReason.NORMAL.getCode(), "session ended"));
            }
        });
        events.follow(session, caller, message -> {
            if (socket.isOpen()) {
                socket.sendAsync(json.write(message));
            }
        });
    }

    @OnMessage(maxPayloadLength = 1_048_576)
    void received(String text, WebSocketSession socket) {
        McpSession session = socket.get(SESSION, McpSession.class).orElse(null);
        Credential credential = socket.get(CREDENTIAL, Credential.class).orElse(null);
        OrderedWork work = socket.get(WORK, OrderedWork.class).orElse(null);
        if (session == null || credential == null || work == null) {
            socket.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        if (!work.offer(() -> handle(text, socket, session, credential))) {
            refuse(socket, "too many messages waiting");
        }
    }

    private void handle(String text, WebSocketSession socket, McpSession session, Credential credential) {
        if (!socket.isOpen()) {
            return;
        }
        Principal caller;
        try {
            // every message acts with the credential as it is now: revoked or expired ends the socket
            caller = callers.reverify(credential);
        } catch (McpAuthException e) {
            refuse(socket, e.getMessage());
            return;
        }
        exchange.receive(text.getBytes(StandardCharsets.UTF_8), caller, session, reply -> {
            if (socket.isOpen()) {
                socket.sendSync(reply);
            }
        });
    }

    @OnClose
    void closed(WebSocketSession socket) {
        socket.get(WATCH, Runnable.class).ifPresent(Runnable::run);
        socket.get(SESSION, McpSession.class).ifPresent(session -> sessions.end(session.id()));
    }

    /** Closes with 1008 (policy violation) and the reason: the credential is no longer good. */
    private static void refuse(WebSocketSession socket, String reason) {
        if (socket.isOpen()) {
            // a close reason is at most 123 bytes
            String text = reason.length() > 120 ? reason.substring(0, 120) : reason;
            socket.close(new CloseReason(CloseReason.POLICY_VIOLATION.getCode(), text));
        }
    }
}
