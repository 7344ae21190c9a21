package com.lanonasis.gateway.domain.upstreams.port.out;

import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamName;
import java.util.List;
import java.util.Optional;

/**
 * The upstreams administrators added at run time, in the identity database so that every
 * instance sees them. (Configured upstreams come from configuration and are not stored here.)
 */
public interface Upstreams {

    List<Upstream> all();

    Optional<Upstream> find(UpstreamName name);

    /** Inserts; false when the name is taken. */
    boolean add(Upstream upstream);

    /** Replaces the stored one of the same name; false when there is none. */
    boolean replace(Upstream upstream);

    boolean remove(UpstreamName name);
}
