package io.noroshi.statuspage.html;

import io.noroshi.statuspage.UiStrings;
import java.util.List;

/**
 * What the jte templates show, fully prepared: every text is final (translated, formatted) and
 * every link built, so templates only place and escape. User text arrives here raw; the Html
 * content type escapes it on output.
 */
public final class Views {

    private Views() {
    }

    /**
     * The frame every page shares.
     *
     * @param title     the document title
     * @param t         the UI strings of {@link #lang}
     * @param languages the other languages of this same page, for the switch
     */
    public record Chrome(String lang, String title, String pageName, UiStrings t, String home, String history,
                         String api, String atom, String rss, List<LanguageLink> languages, Time lastUpdated) {
    }

    /** A link to this page in another language; {@code href} keeps {@code ?lang=} so a server can remember the choice. */
    public record LanguageLink(String lang, String name, String alternate, String href) {
    }

    /**
     * A moment: {@code iso} for {@code <time datetime>}, {@code text} for people, offset included;
     * {@code ago} how long ago ("40 minutes ago") when the page shows it, else empty.
     */
    public record Time(String iso, String text, String ago) {
        public Time(String iso, String text) {
            this(iso, text, "");
        }
    }

    /** A status as shown: words always, plus a CSS class for colour and a glyph for shape. */
    public record Status(String text, String css, String icon) {
    }

    public record Update(String status, Time at, String body) {
    }

    /**
     * An incident or maintenance.
     *
     * @param from       empty text for incidents; maintenance window start
     * @param components names of the affected components
     * @param updates    newest first
     * @param resolved   when an incident was resolved, else null
     * @param lasted     how long a resolved incident lasted ("5 h 25 min"), else empty
     * @param notes      what the page says under an open incident about its promises (next update due, overdue, an estimate passed)
     */
    public record Event(String title, String href, Status status, String impact, Time started, Time from, Time until,
                        List<String> components, List<Update> updates, Time resolved, String lasted, List<String> notes) {
        public Event(String title, String href, Status status, String impact, Time started, Time from, Time until,
                     List<String> components, List<Update> updates, Time resolved, String lasted) {
            this(title, href, status, impact, started, from, until, components, updates, resolved, lasted, List.of());
        }

        public boolean isMaintenance() {
            return from != null;
        }

        /** The same event with absolute times only: for pages that must keep their bytes as time passes (history). */
        public Event withoutAgo() {
            return new Event(title, href, status, impact, absolute(started), absolute(from), absolute(until), components,
                    updates.stream().map(u -> new Update(u.status(), absolute(u.at()), u.body())).toList(), resolved, lasted);
        }

        private static Time absolute(Time time) {
            return time == null || time.ago().isEmpty() ? time : new Time(time.iso(), time.text());
        }
    }

    public record Day(int x, String css, String label) {
    }

    public record ComponentRow(String id, String name, String description, Status status, String uptime,
                               String chartLabel, List<Day> days) {
    }

    /** A group with its components; {@code name} is null for a component without group. */
    public record Section(String name, Status status, List<ComponentRow> components) {
    }

    /**
     * The front page.
     *
     * @param subscribeByEmail   whether the hub sends subscribers e-mail (a channel for it is configured): the form is shown
     *                           only then, so no reader is told to wait for a confirmation mail that never comes
     * @param subscribeByWebhook whether the public may subscribe a webhook ({@code /subscribe} offers it)
     */
    public record Home(Chrome chrome, String description, Status overall, List<Event> incidents,
                       List<Event> maintenance, List<Section> sections, boolean subscribeByEmail, boolean subscribeByWebhook) {
    }

    /** One page of the incident history; {@code newer}/{@code older} are null at the ends. */
    public record History(Chrome chrome, List<Event> incidents, String pageLabel, String newer, String older) {
    }

    public record EventPage(Chrome chrome, Event event, String postmortem) {
    }

    /** The page of a wrong link: says so and leads to the status page. */
    public record NotFound(Chrome chrome) {
    }
}
