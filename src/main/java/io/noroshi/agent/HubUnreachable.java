package io.noroshi.agent;

/** The hub did not answer, or answered with an error; the agent keeps buffering and retries. */
final class HubUnreachable extends Exception {
    HubUnreachable(String message) {
        super(message);
    }
}
