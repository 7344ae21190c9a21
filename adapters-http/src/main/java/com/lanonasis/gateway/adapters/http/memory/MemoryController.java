package com.lanonasis.gateway.adapters.http.memory;

import com.lanonasis.gateway.adapters.http.api.CredentialedApi;
import com.lanonasis.gateway.adapters.http.error.ApiException;
import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.memory.MemoryBodies.BulkDeleteBody;
import com.lanonasis.gateway.adapters.http.memory.MemoryBodies.BulkDeleteView;
import com.lanonasis.gateway.adapters.http.shared.MemoryViews;
import com.lanonasis.gateway.adapters.http.shared.MemoryViews.CreatedView;
import com.lanonasis.gateway.adapters.http.memory.MemoryBodies.EntryBody;
import com.lanonasis.gateway.adapters.http.shared.MemoryViews.EntryList;
import com.lanonasis.gateway.adapters.http.shared.MemoryViews.EntryView;
import com.lanonasis.gateway.adapters.http.memory.MemoryBodies.SearchBody;
import com.lanonasis.gateway.adapters.http.memory.MemoryBodies.SearchView;
import com.lanonasis.gateway.adapters.http.shared.MemoryViews.StatsView;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.memory.port.in.BulkDeleteMemoriesUseCase;
import com.lanonasis.gateway.application.memory.port.in.BulkDeletion;
import com.lanonasis.gateway.application.memory.port.in.CreateMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.DeleteMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.GetMemoryUseCase;
import com.lanonasis.gateway.application.memory.port.in.ListMemoriesUseCase;
import com.lanonasis.gateway.application.memory.port.in.ListRequest;
import com.lanonasis.gateway.application.memory.port.in.MemoryDraft;
import com.lanonasis.gateway.application.memory.port.in.MemoryEdit;
import com.lanonasis.gateway.application.memory.port.in.MemoryStatsUseCase;
import com.lanonasis.gateway.application.memory.port.in.SearchMemoriesUseCase;
import com.lanonasis.gateway.application.memory.port.in.SearchRequest;
import com.lanonasis.gateway.application.memory.port.in.SearchResults;
import com.lanonasis.gateway.application.memory.port.in.UpdateMemoryUseCase;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Memory entries over REST, at {@code /api/v1/memory} and its alias {@code /api/v1/memories}. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@CredentialedApi
@ApiResponse(responseCode = "404", description = "no such memory for this caller (not_found)",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
final class MemoryController {

    private static final String BASE = "/api/v1/memory";
    private static final String ALIAS = "/api/v1/memories";

    private final CreateMemoryUseCase create;
    private final GetMemoryUseCase get;
    private final UpdateMemoryUseCase update;
    private final DeleteMemoryUseCase delete;
    private final ListMemoriesUseCase list;
    private final SearchMemoriesUseCase search;
    private final MemoryStatsUseCase stats;
    private final BulkDeleteMemoriesUseCase bulkDelete;
    private final Callers callers;

    MemoryController(CreateMemoryUseCase create, GetMemoryUseCase get, UpdateMemoryUseCase update,
                     DeleteMemoryUseCase delete, ListMemoriesUseCase list, SearchMemoriesUseCase search,
                     MemoryStatsUseCase stats, BulkDeleteMemoriesUseCase bulkDelete, Callers callers) {
        this.create = create;
        this.get = get;
        this.update = update;
        this.delete = delete;
        this.list = list;
        this.search = search;
        this.stats = stats;
        this.bulkDelete = bulkDelete;
        this.callers = callers;
    }

    @Post(uris = {BASE, ALIAS})
    @Status(HttpStatus.CREATED)
    HttpResponse<CreatedView> create(HttpRequest<?> request, @Body EntryBody body) {
        return HttpResponse.created(CreatedView.of(Rejections.valueOf(create.create(callers.require(request),
                new MemoryDraft(body.title(), body.content(), body.effectiveType(), body.tags(), body.metadata())))));
    }

    @Get(uris = {BASE, ALIAS})
    EntryList list(HttpRequest<?> request) {
        HttpParameters query = request.getParameters();
        List<ErrorBody.Detail> problems = new ArrayList<>();
        ListRequest listRequest = new ListRequest(integer(query, "limit", problems), integer(query, "offset", problems),
                integer(query, "page", problems), query.get("type") != null ? query.get("type") : query.get("memory_type"),
                commaSeparated(query.getAll("tags")), query.get("sort"), query.get("order"));
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", problems.get(0).message(), problems,
                    Map.of());
        }
        return EntryList.of(Rejections.valueOf(list.list(callers.require(request), listRequest)));
    }

    @Get(uris = {BASE + "/stats", ALIAS + "/stats"})
    StatsView stats(HttpRequest<?> request) {
        return StatsView.of(Rejections.valueOf(stats.stats(callers.require(request))));
    }

    @Post(uris = {BASE + "/search", ALIAS + "/search"})
    SearchView search(HttpRequest<?> request, @Body SearchBody body) {
        long started = System.nanoTime();
        SearchResults results = Rejections.valueOf(search.search(callers.require(request),
                new SearchRequest(body.query(), body.effectiveTypes(), body.tags(), body.limit(), body.threshold(),
                        body.mode())));
        return new SearchView(results.results().stream().map(MemoryViews::hit).toList(), results.totalResults(),
                (System.nanoTime() - started) / 1_000_000, results.mode().wireName());
    }

    @Post(uris = {BASE + "/bulk/delete", ALIAS + "/bulk/delete"})
    BulkDeleteView bulkDelete(HttpRequest<?> request, @Body BulkDeleteBody body) {
        BulkDeletion deletion = Rejections.valueOf(bulkDelete.deleteAll(callers.require(request), body.memoryIds()));
        return new BulkDeleteView(deletion.deletedCount(), deletion.failedIds());
    }

    @Get(uris = {BASE + "/{id}", ALIAS + "/{id}"})
    EntryView get(HttpRequest<?> request, @PathVariable String id) {
        return EntryView.of(Rejections.valueOf(get.get(callers.require(request), id)));
    }

    @Put(uris = {BASE + "/{id}", ALIAS + "/{id}"})
    EntryView replaceFields(HttpRequest<?> request, @PathVariable String id, @Body EntryBody body) {
        return edit(request, id, body);
    }

    @Patch(uris = {BASE + "/{id}", ALIAS + "/{id}"})
    EntryView edit(HttpRequest<?> request, @PathVariable String id, @Body EntryBody body) {
        return EntryView.of(Rejections.valueOf(update.update(callers.require(request), id,
                new MemoryEdit(body.title(), body.content(), body.effectiveType(), body.tags(), body.metadata()))));
    }

    @Delete(uris = {BASE + "/{id}", ALIAS + "/{id}"})
    @Status(HttpStatus.NO_CONTENT)
    HttpResponse<Void> delete(HttpRequest<?> request, @PathVariable String id) {
        Rejections.valueOf(delete.delete(callers.require(request), id));
        return HttpResponse.noContent();
    }

    private static Integer integer(HttpParameters query, String name, List<ErrorBody.Detail> problems) {
        String text = query.get(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new ErrorBody.Detail(name, name + " must be a whole number"));
            return null;
        }
    }

    /** {@code tags=a,b} and {@code tags=a&tags=b} both name two tags. */
    private static List<String> commaSeparated(List<String> values) {
        return values.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .toList();
    }
}
