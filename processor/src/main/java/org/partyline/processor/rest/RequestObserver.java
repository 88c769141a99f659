package org.partyline.processor.rest;

/**
 * Told about every request the REST API answers and every request it forwards to another instance, so that they can
 * be counted and timed (the metrics registry implements it). Calls come from request threads and must not block.
 */
public interface RequestObserver {

    /** Observes nothing. */
    RequestObserver NONE = new RequestObserver() {
        @Override
        public void observed(String route, int status, long nanos) {
        }

        @Override
        public void forwarded(boolean failed) {
        }
    };

    /**
     * One answered request.
     *
     * @param route  the route template ({@code /api/parties/{party}/stances}), never the raw path;
     *               {@code unmatched} when no route matched
     * @param status the HTTP status sent
     * @param nanos  the time from receiving the request to handing over the answer
     */
    void observed(String route, int status, long nanos);

    /**
     * One request sent to another instance (a forwarded lookup or a part of a list).
     *
     * @param failed true when the peer did not answer (unreachable, too slow) or answered with a 5xx status
     */
    void forwarded(boolean failed);
}
