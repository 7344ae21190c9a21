package com.lanonasis.gateway.application.memory.port.in;

/** How memory search runs now: with which model, and how far embedding of existing entries has come. */
public interface SearchStatusUseCase {

    SearchStatus searchStatus();

    /**
     * @param semantic false when search runs text-only (the model did not load and the
     *                 deployment chose to degrade)
     * @param model    the model's id, null when text-only
     * @param embedded entries with a vector of the current model
     * @param pending  entries still waiting for one (new model, or an embedding that failed)
     */
    record SearchStatus(boolean semantic, String model, int dimensions, long embedded, long pending) {
    }
}
