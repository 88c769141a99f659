package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The items of one page and, when the list goes on, the cursor of its last item ({@code next}). */
public record Page<T>(List<T> items, Optional<Cursor> next) {

    public Page {
        items = List.copyOf(items);
    }

    /** {@code next} as a body carries it: the opaque cursor, or null on the last page. */
    public String nextToken() {
        return next.map(Cursor::encode).orElse(null);
    }

    /**
     * The page {@code request} asks for out of {@code sorted} (in cursor order, possibly holding items at or before
     * the cursor, which are skipped): at most {@code limit} items after the cursor, and {@code next} when more follow.
     */
    public static <T> Page<T> of(Collection<T> sorted, PageRequest request, Function<T, Cursor> key) {
        List<T> items = new ArrayList<>();
        boolean more = false;
        for (T item : sorted) {
            if (!request.admits(key.apply(item))) {
                continue;
            }
            if (items.size() == request.limit()) {
                more = true;
                break;
            }
            items.add(item);
        }
        return new Page<>(items, more ? Optional.of(key.apply(items.get(items.size() - 1))) : Optional.empty());
    }
}
