package io.noroshi.agent;

/** The agent cannot go on (bad settings, unusable buffer directory); the message says what to fix. */
public final class AgentException extends RuntimeException {
    public AgentException(String message) {
        super(message);
    }
}
