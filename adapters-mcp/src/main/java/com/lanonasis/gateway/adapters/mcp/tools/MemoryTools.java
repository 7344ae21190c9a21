package com.lanonasis.gateway.adapters.mcp.tools;

import com.lanonasis.gateway.adapters.mcp.server.Arguments;
import com.lanonasis.gateway.adapters.mcp.server.Schema;
import com.lanonasis.gateway.adapters.mcp.server.Tool;
import com.lanonasis.gateway.adapters.mcp.server.Tool.Hints;
import com.lanonasis.gateway.adapters.mcp.server.ToolContext;
import com.lanonasis.gateway.adapters.mcp.server.ToolResult;
import com.lanonasis.gateway.adapters.mcp.server.ToolSet;
import com.lanonasis.gateway.application.memory.port.in.BulkDeleteMemoriesUseCase;
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
import com.lanonasis.gateway.application.memory.port.in.UpdateMemoryUseCase;
import com.lanonasis.gateway.domain.memory.Content;
import com.lanonasis.gateway.domain.memory.MemoryQuery;
import com.lanonasis.gateway.domain.memory.MemorySort;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.SearchMode;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.memory.Title;
import com.lanonasis.gateway.domain.shared.Scope;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The memory tools: the same use cases as the REST API, with the same limits and answers. */
@Singleton
final class MemoryTools implements ToolSet {

    private static final List<String> TYPES = Arrays.stream(MemoryType.values()).map(MemoryType::wireName).toList();
    private static final List<String> MODES = Arrays.stream(SearchMode.values()).map(SearchMode::wireName).toList();
    private static final List<String> SORTS = Arrays.stream(MemorySort.values()).map(MemorySort::wireName).toList();

    private final CreateMemoryUseCase create;
    private final GetMemoryUseCase get;
    private final UpdateMemoryUseCase update;
    private final DeleteMemoryUseCase delete;
    private final ListMemoriesUseCase list;
    private final SearchMemoriesUseCase search;
    private final MemoryStatsUseCase stats;
    private final Results results;

    MemoryTools(CreateMemoryUseCase create, GetMemoryUseCase get, UpdateMemoryUseCase update,
                DeleteMemoryUseCase delete, ListMemoriesUseCase list, SearchMemoriesUseCase search,
                MemoryStatsUseCase stats, Results results) {
        this.create = create;
        this.get = get;
        this.update = update;
        this.delete = delete;
        this.list = list;
        this.search = search;
        this.stats = stats;
        this.results = results;
    }

    @Override
    public List<Tool> tools() {
        return List.of(
                new Tool("memory_create", "Create memory", "Remember something: a titled piece of text with a type, "
                        + "tags and free metadata. Returns the stored memory with its id.",
                        fields(Schema.object()).require("title", "content").build(), ENTRY, Hints.CREATE,
                        Scope.MEMORIES_WRITE, false, (args, context) -> results.of(create.create(context.caller(),
                        new MemoryDraft(args.string("title"), args.string("content"), type(args), args.strings("tags"),
                                args.object("metadata"))), Views::created)),
                new Tool("memory_get", "Get memory", "Recall one memory by its id.",
                        id(Schema.object()).build(), ENTRY, Hints.READ, Scope.MEMORIES_READ, false,
                        (args, context) -> results.of(get.get(context.caller(), args.string("id")), Views::entry)),
                new Tool("memory_update", "Update memory", "Change a memory's title, content, type, tags or metadata; "
                        + "fields left out stay as they are.",
                        fields(id(Schema.object())).build(), ENTRY, Hints.CHANGE, Scope.MEMORIES_WRITE, false,
                        (args, context) -> results.of(update.update(context.caller(), args.string("id"),
                                new MemoryEdit(args.string("title"), args.string("content"), type(args),
                                        args.strings("tags"), args.object("metadata"))), Views::entry)),
                new Tool("memory_delete", "Delete memory", "Forget one memory for good.",
                        id(Schema.object()).build(), DELETED, Hints.CHANGE, Scope.MEMORIES_DELETE, false,
                        (args, context) -> results.of(delete.delete(context.caller(), args.string("id")),
                                deleted -> Map.of("deleted", true, "id", args.string("id")))),
                new Tool("memory_bulk_delete", "Delete memories", "Forget several memories (up to "
                        + BULK_MAX + ") for good, all or none. The user confirms first when the client can ask "
                        + "(elicitation); otherwise pass confirm: true after asking the user yourself.",
                        Schema.object()
                                .property("ids", Map.of("type", "array", "description", "the memories' ids",
                                        "minItems", 1, "maxItems", BULK_MAX,
                                        "items", Map.of("type", "string", "minLength", 1, "maxLength", 64)))
                                .property("confirm", Map.of("type", "boolean",
                                        "description", "the user already agreed (for clients that cannot be asked)"))
                                .require("ids").build(), BULK_DELETED, Hints.CHANGE, Scope.MEMORIES_DELETE, true,
                        this::bulkDelete),
                new Tool("memory_list", "List memories", "Page through memories, newest first unless sorted otherwise, "
                        + "optionally of one type or with any of the given tags.",
                        Schema.object()
                                .integer("limit", "entries per page (default 20)", 1, MemoryQuery.MAX_LIMIT)
                                .integer("offset", "entries to skip; wins over page", 0, Integer.MAX_VALUE)
                                .integer("page", "1-based page number", 1, Integer.MAX_VALUE)
                                .oneOf("type", "only memories of this type", TYPES)
                                .oneOf("memory_type", "same as type", TYPES)
                                .strings("tags", "only memories with at least one of these tags", Tags.MAX_COUNT, Tags.MAX_LENGTH)
                                .oneOf("sort", "sort field (default created_at)", SORTS)
                                .oneOf("order", "sort order (default desc)", List.of("asc", "desc"))
                                .build(), PAGE, Hints.READ, Scope.MEMORIES_READ, false,
                        (args, context) -> results.of(list.list(context.caller(), new ListRequest(args.integer("limit"),
                                args.integer("offset"), args.integer("page"), type(args), args.strings("tags"),
                                args.string("sort"), args.string("order"))), Views::page)),
                new Tool("memory_search", "Search memories", "Find memories by meaning and by words (hybrid, the "
                        + "default), by meaning only (semantic) or by words only (text); best matches first, each "
                        + "with a relevance_score between 0 and 1.",
                        Schema.object()
                                .string("query", "what to look for, in any wording", 1, TextSearch.MAX_QUERY_LENGTH)
                                .oneOf("mode", "hybrid (default), semantic or text", MODES)
                                .property("types", Map.of("type", "array", "description", "only these types",
                                        "items", Map.of("type", "string", "enum", TYPES)))
                                .strings("tags", "only memories with at least one of these tags", Tags.MAX_COUNT, Tags.MAX_LENGTH)
                                .integer("limit", "at most this many results (default 20)", 1, MemoryQuery.MAX_LIMIT)
                                .number("threshold", "minimum relevance_score", 0, 1)
                                .require("query").build(), SEARCH, Hints.READ, Scope.MEMORIES_READ, false,
                        (args, context) -> results.of(search.search(context.caller(), new SearchRequest(
                                args.string("query"), args.strings("types"), args.strings("tags"),
                                args.integer("limit"), args.number("threshold"), args.string("mode"))),
                                found -> Map.of("results", found.results().stream().map(Views::hit).toList(),
                                        "total_results", found.totalResults(),
                                        "search_mode", found.mode().wireName()))),
                new Tool("memory_stats", "Memory statistics", "How many memories there are, by type, their total size "
                        + "and the five most recent.",
                        Schema.object().build(), STATS, Hints.READ, Scope.MEMORIES_READ, false,
                        (args, context) -> results.of(stats.stats(context.caller()), Views::stats)));
    }

    /**
     * Checks every id first (all the caller's, none missing), asks the user, then deletes: a
     * refusal or a "no" deletes nothing.
     */
    private ToolResult bulkDelete(Arguments args, ToolContext context) {
        List<String> ids = args.strings("ids").stream().distinct().toList();
        List<String> missing = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (String id : ids) {
            get.get(context.caller(), id).fold(entry -> titles.add(String.valueOf(Views.entry(entry).get("title"))),
                    refused -> missing.add(id));
        }
        if (!missing.isEmpty()) {
            return ToolResult.error("nothing deleted: no memory " + String.join(", ", missing));
        }
        if (!Boolean.TRUE.equals(args.values().get("confirm"))) {
            if (!context.canAsk("elicitation/create")) {
                return ToolResult.error("nothing deleted: confirm with the user, then call again with confirm: true");
            }
            Map<String, Object> answer = context.input("confirm_bulk_delete", "elicitation/create", Map.of(
                    "message", "Delete " + ids.size() + " memories for good? " + String.join(", ", titles),
                    "requestedSchema", Map.of("type", "object",
                            "properties", Map.of("confirm", Map.of("type", "boolean", "title", "Delete them")),
                            "required", List.of("confirm"))));
            boolean accepted = "accept".equals(answer.get("action"))
                    && answer.get("content") instanceof Map<?, ?> content && Boolean.TRUE.equals(content.get("confirm"));
            if (!accepted) {
                return results.structured(Map.of("deleted", false, "ids", List.of(), "count", 0));
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String id : ids) {
            delete.delete(context.caller(), id).fold(done -> deleted.add(id), refused -> null);
        }
        return results.structured(Map.of("deleted", !deleted.isEmpty(), "ids", deleted, "count", deleted.size()));
    }

    @Override
    public Map<String, String> aliases() {
        return Map.of("create_memory", "memory_create", "get_memory", "memory_get",
                "update_memory", "memory_update", "delete_memory", "memory_delete",
                "list_memories", "memory_list", "search_memories", "memory_search");
    }

    private static Schema id(Schema schema) {
        return schema.string("id", "the memory's id (a UUID)", 1, 64).require("id");
    }

    private static Schema fields(Schema schema) {
        return schema
                .string("title", "a short title", 1, Title.MAX_LENGTH)
                .string("content", "the text to remember", 1, Content.MAX_LENGTH)
                .oneOf("type", "what kind of memory (default context)", TYPES)
                .oneOf("memory_type", "same as type", TYPES)
                .strings("tags", "up to " + Tags.MAX_COUNT + " tags", Tags.MAX_COUNT, Tags.MAX_LENGTH)
                .freeObject("metadata", "any JSON object kept with the memory");
    }

    private static String type(Arguments args) {
        return args.string("type") != null ? args.string("type") : args.string("memory_type");
    }

    private static final Map<String, Object> ENTRY = Map.of("type", "object",
            "properties", Map.of("id", Map.of("type", "string"), "title", Map.of("type", "string"),
                    "content", Map.of("type", "string"), "type", Map.of("type", "string"),
                    "tags", Map.of("type", "array", "items", Map.of("type", "string")),
                    "metadata", Map.of("type", "object"), "created_at", Map.of("type", "string"),
                    "updated_at", Map.of("type", "string")),
            "required", List.of("id", "title", "content", "type", "tags"));
    private static final Map<String, Object> DELETED = Map.of("type", "object",
            "properties", Map.of("deleted", Map.of("type", "boolean"), "id", Map.of("type", "string")),
            "required", List.of("deleted", "id"));
    private static final int BULK_MAX = BulkDeleteMemoriesUseCase.MAX_IDS;
    private static final Map<String, Object> BULK_DELETED = Map.of("type", "object",
            "properties", Map.of("deleted", Map.of("type", "boolean"),
                    "ids", Map.of("type", "array", "items", Map.of("type", "string")),
                    "count", Map.of("type", "integer")),
            "required", List.of("deleted", "ids", "count"));
    private static final Map<String, Object> PAGE = Map.of("type", "object",
            "properties", Map.of("memories", Map.of("type", "array", "items", ENTRY),
                    "pagination", Map.of("type", "object")),
            "required", List.of("memories", "pagination"));
    private static final Map<String, Object> SEARCH = Map.of("type", "object",
            "properties", Map.of("results", Map.of("type", "array", "items", Map.of("type", "object")),
                    "total_results", Map.of("type", "integer"), "search_mode", Map.of("type", "string")),
            "required", List.of("results", "total_results"));
    private static final Map<String, Object> STATS = Map.of("type", "object",
            "properties", Map.of("total_memories", Map.of("type", "integer"),
                    "memories_by_type", Map.of("type", "object"), "total_size_bytes", Map.of("type", "integer"),
                    "recent_memories", Map.of("type", "array", "items", ENTRY)),
            "required", List.of("total_memories", "memories_by_type"));

}
