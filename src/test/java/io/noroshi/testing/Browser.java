package io.noroshi.testing;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright, with the flags this machine needs. No browser is
 * downloaded: the executable is /usr/bin/chromium (override with NOROSHI_CHROMIUM).
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        Path executable = Path.of(System.getenv().getOrDefault("NOROSHI_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Chromium not found at " + executable + ": apt-get install -y chromium (or set NOROSHI_CHROMIUM)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic")));
    }

    public com.microsoft.playwright.Page newPage() {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1200, 900)).newPage();
    }

    public com.microsoft.playwright.Page newPage(String acceptLanguage) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1200, 900).setLocale(acceptLanguage)).newPage();
    }

    /** A page as a reader meets it: {@code locale} sent as Accept-Language, dark or light, at {@code width} CSS pixels. */
    public com.microsoft.playwright.Page newPage(String locale, boolean dark, int width) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, 900).setLocale(locale)
                .setColorScheme(dark ? com.microsoft.playwright.options.ColorScheme.DARK : com.microsoft.playwright.options.ColorScheme.LIGHT))
                .newPage();
    }

    /** The widest a phone's viewport commonly is, in CSS pixels. */
    public static final int PHONE_WIDTH = 390;

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
