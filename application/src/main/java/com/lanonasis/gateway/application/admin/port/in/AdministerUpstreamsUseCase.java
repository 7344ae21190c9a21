package com.lanonasis.gateway.application.admin.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import java.util.List;

/**
 * Upstream MCP servers for administrators (admin role and scope; every call audited). Upstreams
 * from configuration are listed but read-only (409 {@code configured_upstream}); a name in use gives
 * 409 {@code upstream_exists}.
 */
public interface AdministerUpstreamsUseCase {

    Outcome<List<Upstream>> upstreams(Principal caller);

    Outcome<Upstream> upstream(Principal caller, String name);

    Outcome<Upstream> create(Principal caller, UpstreamDraft draft);

    /** Replaces everything but the name; the credential value is kept when the draft leaves it null. */
    Outcome<Upstream> update(Principal caller, String name, UpstreamDraft draft);

    Outcome<Upstream> setEnabled(Principal caller, String name, boolean enabled);

    Outcome<String> delete(Principal caller, String name);
}
