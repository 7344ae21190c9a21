/**
 * The shared edge of the two inbound adapters: what adapters-http and adapters-mcp must say the
 * same way because they sit behind the same port and answer the same clients — reading a
 * credential from a request ({@link com.lanonasis.gateway.adapters.http.shared.Credentials}), the
 * request attributes they hand each other ({@link com.lanonasis.gateway.adapters.http.shared.RequestAttributes}),
 * the request id, the error body ({@link com.lanonasis.gateway.adapters.http.shared.ErrorBody}), the
 * JSON view of a memory ({@link com.lanonasis.gateway.adapters.http.shared.MemoryViews}), the opening
 * comment and heartbeat of an SSE stream ({@link com.lanonasis.gateway.adapters.http.shared.EventStreams}),
 * this service's public URL ({@link com.lanonasis.gateway.adapters.http.shared.PublicUrl}) and browser
 * origins ({@link com.lanonasis.gateway.adapters.http.shared.Origins}).
 *
 * <p>The MCP transports are HTTP transports, so this package lives in adapters-http; adapters-mcp may
 * depend on this package of adapters-http and on nothing else of it, and this package depends on no
 * other adapter code (ArchUnit: {@code GatewayRules.onionLayering}, {@code GatewayRules.sharedEdgeStandsAlone}).
 * It holds no beans but {@link com.lanonasis.gateway.adapters.http.shared.PublicUrl}, which bootstrap builds.
 */
package com.lanonasis.gateway.adapters.http.shared;
