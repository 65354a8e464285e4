package io.noroshi.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderCacheTest {

    private final List<String> rendered = new ArrayList<>();
    private final RenderCache<String, String> cache = new RenderCache<>();

    private String get(String key) {
        return cache.get(key, k -> {
            rendered.add(k);
            return k.toUpperCase();
        });
    }

    @Test
    void aKeyUsedInOneRenderIsKeptForTheNextAndDroppedAfterARenderThatDidNotUseIt() {
        get("a");
        get("b");
        cache.nextRender();
        assertThat(get("a")).isEqualTo("A");          // kept
        cache.nextRender();
        get("a");
        get("b");                                      // b was not used in the render before: rendered again
        assertThat(rendered).containsExactly("a", "b", "b");
    }

    @Test
    void sameComparesByIdentityNotValue() {
        String one = new String("x");
        String other = new String("x");
        assertThat(new RenderCache.Same(one)).isEqualTo(new RenderCache.Same(one)).isNotEqualTo(new RenderCache.Same(other));
        assertThat(new RenderCache.Same(one).hashCode()).isEqualTo(System.identityHashCode(one));
    }
}
