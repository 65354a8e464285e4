package io.noroshi.notify.channel;

import java.net.http.HttpClient;

/** Builds one kind of channel from its config entry. Registered in {@link ChannelKinds}. */
@FunctionalInterface
public interface ChannelKind {

    /**
     * Reads the entry and builds the channel. Problems go to {@link ChannelSettings#problem}; the returned
     * channel is then never used (the hub does not start), so it may hold placeholders.
     */
    Channel create(ChannelSettings settings, HttpClient http);
}
