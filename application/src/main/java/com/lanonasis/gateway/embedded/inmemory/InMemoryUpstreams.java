package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamName;
import com.lanonasis.gateway.domain.upstreams.port.out.Upstreams;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Upstream MCP servers registered at run time, by name. */
public final class InMemoryUpstreams implements Upstreams {

    private final InMemoryDatabase database;
    private final InMemoryDatabase.Table<String, Upstream> upstreams;

    public InMemoryUpstreams(InMemoryDatabase database) {
        this.database = database;
        this.upstreams = database.table();
    }

    @Override
    public List<Upstream> all() {
        return upstreams.values().stream().sorted(Comparator.comparing(upstream -> upstream.name().value())).toList();
    }

    @Override
    public Optional<Upstream> find(UpstreamName name) {
        return upstreams.get(name.value());
    }

    @Override
    public boolean add(Upstream upstream) {
        return upstreams.insert(upstream.name().value(), upstream);
    }

    @Override
    public boolean replace(Upstream upstream) {
        return database.locked(() -> upstreams.get(upstream.name().value()).map(old -> {
            upstreams.put(upstream.name().value(), upstream);
            return true;
        }).orElse(false));
    }

    @Override
    public boolean remove(UpstreamName name) {
        return upstreams.remove(name.value()).isPresent();
    }
}
