package com.lanonasis.gateway.adapters.http.admin;

import com.lanonasis.gateway.adapters.http.admin.AdminViews.KeyList;
import com.lanonasis.gateway.adapters.http.admin.AdminViews.KeyView;
import com.lanonasis.gateway.adapters.http.admin.AdminViews.Rotated;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.admin.port.in.AdministerSigningKeysUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Signing keys for administrators: listed without private parts, and rotated (also at the older
 * {@code POST /admin/keys/rotate}). A rotation reaches every instance (Redis announcement, periodic re-read); see docs/admin.md.
 */
@Controller("/api/v1/admin/keys")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminKeysController {

    private final AdministerSigningKeysUseCase keys;
    private final Callers callers;

    AdminKeysController(AdministerSigningKeysUseCase keys, Callers callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @Get
    HttpResponse<KeyList> list(HttpRequest<?> request) {
        return AdminQueries.noStore(new KeyList(Rejections.valueOf(keys.signingKeys(callers.require(request)))
                .stream().map(KeyView::of).toList()));
    }

    @Post("/rotate")
    HttpResponse<Rotated> rotate(HttpRequest<?> request) {
        return AdminQueries.noStore(new Rotated(true,
                Rejections.valueOf(keys.rotateSigningKey(callers.require(request)))));
    }
}
