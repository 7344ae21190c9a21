package com.lanonasis.gateway.application.keys.port.in;

import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;

public interface ListApiKeysUseCase {

    Outcome<List<ApiKey>> list(Principal caller);
}
