package io.noroshi.account;

/** A token just created: {@code secret} is shown once and then exists nowhere on the hub. */
public record IssuedToken(ApiToken token, String secret) {
    @Override
    public String toString() {
        return "IssuedToken[" + token.prefix() + "…]";
    }
}
