package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A part of one page of a list that several sources hold (partitions, instances): the first items after the cursor
 * of one source, in cursor order, and whether its list goes on ({@code more}). A part with {@code more} holds at
 * least one item. Parts merge into the page of the whole list: the items up to the first place where a part stopped,
 * at most {@code limit} of them.
 */
record PagePart<T>(List<T> items, boolean more) {

    PagePart {
        items = List.copyOf(items);
        if (more && items.isEmpty()) {
            throw new IllegalArgumentException("a part that goes on holds at least one item");
        }
    }

    static <T> PagePart<T> empty() {
        return new PagePart<>(List.of(), false);
    }

    /**
     * The first {@code limit} items of the whole list after the cursor: every part's items no later than the last
     * item of any part that goes on (past it, that part may hold items it did not give), sorted; {@code more} when
     * a part goes on or items were left over.
     */
    static <T> PagePart<T> merge(List<PagePart<T>> parts, int limit, Function<T, Cursor> key) {
        Optional<Cursor> stop = parts.stream().filter(PagePart::more)
                .map(p -> key.apply(p.items().get(p.items().size() - 1)))
                .min(Comparator.naturalOrder());
        List<T> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.items()));
        all.sort(Comparator.comparing(key));
        List<T> kept = new ArrayList<>();
        boolean more = stop.isPresent();
        for (T item : all) {
            if (stop.isPresent() && key.apply(item).compareTo(stop.get()) > 0) {
                break;
            }
            if (kept.size() == limit) {
                more = true;
                break;
            }
            kept.add(item);
        }
        return new PagePart<>(kept, more);
    }

    /**
     * The items up to and including the one at which their weights reach {@code budget} (at least one item, so a
     * page always moves on); {@code more} also when items were cut.
     */
    PagePart<T> within(int budget, ToIntFunction<T> weight) {
        int total = 0;
        for (int i = 0; i < items.size(); i++) {
            total += weight.applyAsInt(items.get(i));
            if (total >= budget && i < items.size() - 1) {
                return new PagePart<>(items.subList(0, i + 1), true);
            }
        }
        return this;
    }

    /** The page this part is: its items, and {@code next} (its last item's cursor) when the list goes on. */
    Page<T> page(Function<T, Cursor> key) {
        return new Page<>(items, more ? Optional.of(key.apply(items.get(items.size() - 1))) : Optional.empty());
    }
}
