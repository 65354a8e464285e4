package io.noroshi.statuspage.html;

import gg.jte.TemplateEngine;
import gg.jte.html.HtmlContent;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.output.Utf8ByteOutput;
import io.noroshi.statuspage.RenderCache;
import io.noroshi.statuspage.UiStrings;
import java.util.Map;

/**
 * Each component row of the home page rendered once into bytes and kept while its view is equal.
 * With a hundred components and ninety days each, the rows are nearly all of the home page (about
 * 1 MB per language); a write to an incident changes none of them, so the home page is then the
 * incidents' part rendered and the rows' bytes copied, instead of 9,000 bars escaped and encoded
 * again. Byte-equal to rendering the tag inline: the same template writes the same bytes.
 * Not thread-safe: one render at a time, like the {@link RenderCache} it wraps.
 */
public final class RowHtml {

    private final TemplateEngine templates;
    private final UiStrings t;
    private final RenderCache<Key, Rendered> cache;

    RowHtml(TemplateEngine templates, UiStrings t, RenderCache<Key, Rendered> cache) {
        this.templates = templates;
        this.t = t;
        this.cache = cache;
    }

    /** The row's markup, as {@code tag/component.jte} writes it, for {@code ${...}} in a template. */
    public HtmlContent of(Views.ComponentRow row, boolean grouped) {
        return cache.get(new Key(t.language(), new RenderCache.Same(row), grouped), key -> {
            var out = new Utf8ByteOutput();
            templates.render("tag/component.jte", Map.of("row", row, "t", t, "grouped", grouped), out);
            return new Rendered(out.toByteArray());
        });
    }

    /**
     * A row as shown in one language; the view holds everything else the tag shows. The view by identity:
     * {@code PageViews} hands out the same row instance while its inputs are equal.
     */
    record Key(String language, RenderCache.Same row, boolean grouped) {
    }

    /** Already escaped markup, written as it is. */
    record Rendered(byte[] bytes) implements HtmlContent {
        @Override
        public void writeTo(HtmlTemplateOutput output) {
            output.writeBinaryContent(bytes);
        }
    }
}
