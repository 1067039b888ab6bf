package fr.recouvrement.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser for the browser tests of Tasklist and Cockpit: Debian's {@code chromium}, headless, driven by
 * Debian's {@code chromedriver} through Selenium (never a browser or driver downloaded by Selenium Manager), in French
 * and on Paris time, with a page of 1440 x 900 for readable screenshots. Register it once per test class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = new Browser();
 * </pre>
 *
 * then point it at the application ({@link #at}). Each test gets a fresh browser (a fresh profile) at its first use,
 * and the browser is closed after the test, whatever happened; a failed test leaves a screenshot of the page it failed
 * on, {@code <test>-echec.png}. Screenshots land in {@code target/screenshots/<test>-<name>.png} for a person to look
 * at. Without Chromium and its driver, the test class is skipped with how to install them, unless {@code CI} is set:
 * CI installs them ({@code .ci/run}), so there a missing browser fails the class.
 */
public final class Browser implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final String TASKLIST = "/camunda/app/tasklist/default/";
    public static final String COCKPIT = "/camunda/app/cockpit/default/";

    private static final int WIDTH = 1440;
    private static final int HEIGHT = 900;
    /** Long enough for a loaded CI machine; a wait returns as soon as its condition holds. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final By USERNAME = By.cssSelector("input[ng-model='username']");
    private static final By PASSWORD = By.cssSelector("input[ng-model='password']");
    private static final By SIGN_IN = By.cssSelector("form button[type='submit']");
    private static final By FAILURE_NOTICE = By.cssSelector(".notifications .alert-danger");
    private static final By TOOLTIP = By.cssSelector(".tooltip");
    /**
     * Settled: the page is loaded, AngularJS (Tasklist, Cockpit) has no request or timeout pending, and no
     * "Chargement…" loader shows (Tasklist's form loader covers the form-js rendering).
     */
    private static final String SETTLED = """
            var done = arguments[arguments.length - 1];
            if (document.readyState !== 'complete' || !window.angular) { done(false); return; }
            try {
              window.angular.getTestability(document.body).whenStable(function () {
                done(!Array.prototype.some.call(document.querySelectorAll('.loader'),
                    function (loader) { return loader.offsetParent !== null; }));
              });
            } catch (notBootstrappedYet) { done(false); }
            """;
    /**
     * Debian's Chromium runs ahead of the DevTools versions a Selenium release carries, and Selenium warns about it at
     * every start; these tests use no DevTools. Held here: java.util.logging keeps loggers weakly.
     */
    private static final Logger DEVTOOLS_VERSION_WARNING = Logger.getLogger(
            "org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        DEVTOOLS_VERSION_WARNING.setLevel(Level.SEVERE);
    }

    private String baseUrl;
    private String testName;
    private ChromeDriver driver;
    private Path profile;
    private WebDriverWait wait;

    /**
     * Without Chromium or its driver, the test class is skipped, saying how to install them, before it starts anything;
     * not under CI, where {@link #beforeAll} fails it.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = missing();
        if (missing == null || System.getenv("CI") != null || context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("Chromium and its driver are installed, or CI must fail");
        }
        // Printed too: Maven shows the skip, not its reason.
        System.err.println("SKIPPED " + context.getDisplayName() + ": " + missing);
        return ConditionEvaluationResult.disabled(missing);
    }

    /** Under CI ({@code CI} set), which installs them, a missing browser or driver fails the test class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        String missing = missing();
        if (missing != null) {
            throw new AssertionError(missing + " (.ci/run does it when it runs as root)");
        }
    }

    /** What is missing and how to install it; null when Chromium and its driver are both there. */
    private static String missing() {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(path -> !Files.isExecutable(path))
                .map(Path::toString).toList();
        return missing.isEmpty() ? null : "The browser tests need Debian's chromium and chromium-driver; missing: "
                + String.join(", ", missing) + ". Install them with: sudo apt-get install chromium chromium-driver";
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testName = context.getRequiredTestMethod().getName();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (driver != null && context.getExecutionException().isPresent()) {
                save("echec");
            }
        } finally {
            close();
        }
    }

    /** The application's root URL, {@code http://127.0.0.1:<port>}: the paths given to this browser are under it. */
    public Browser at(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    /** Opens a page of the application ({@link #TASKLIST}, {@code TASKLIST + "#/?task=" + id}, ...) and waits. */
    public void open(String path) {
        driver().get(baseUrl + path);
        settle();
    }

    /** Logs in to Tasklist through its login page; fails with Tasklist's own message if it refuses. */
    public void loginToTasklist(String user, String password) {
        login(TASKLIST, user, password);
    }

    /** Logs in to Cockpit through its login page; fails with Cockpit's own message if it refuses. */
    public void loginToCockpit(String user, String password) {
        login(COCKPIT, user, password);
    }

    /** Logs in afresh: whoever was logged in to the application in this browser is logged out first. */
    private void login(String app, String user, String password) {
        driver().manage().deleteAllCookies();
        open(app);
        shown(USERNAME).sendKeys(user);
        shown(PASSWORD).sendKeys(password);
        click(SIGN_IN);
        until(ExpectedConditions.or(ExpectedConditions.invisibilityOfElementLocated(USERNAME),
                ExpectedConditions.visibilityOfElementLocated(FAILURE_NOTICE)));
        if (isShown(FAILURE_NOTICE)) {
            throw new AssertionError(user + " could not log in to " + app + ": " + seen(
                    driver.findElement(FAILURE_NOTICE).getText()).replace("×", "").strip().replace('\n', ' '));
        }
        settle();
    }

    /**
     * Waits until the page has settled (AngularJS idle, nothing loading), then saves what it shows to
     * {@code target/screenshots/<test>-<name>.png}, the mouse moved off any tooltip.
     */
    public Path screenshot(String name) {
        settle();
        new Actions(driver()).moveToLocation(0, HEIGHT - 1).perform();
        until(page -> page.findElements(TOOLTIP).stream().noneMatch(Browser::displayed));
        return save(name);
    }

    private Path save(String name) {
        try {
            Path file = Files.createDirectories(SCREENSHOTS).resolve(testName + "-" + name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the page has settled: loaded, AngularJS idle, no loader showing. */
    public void settle() {
        until(page -> {
            try {
                return Boolean.TRUE.equals(((ChromeDriver) page).executeAsyncScript(SETTLED));
            } catch (JavascriptException | ScriptTimeoutException navigatingOrBusy) {
                return false;
            }
        });
    }

    /** Waits until the element shows, then clicks it, then waits for what the click started to settle. */
    public void click(By element) {
        until(ExpectedConditions.elementToBeClickable(element)).click();
        settle();
    }

    /** The element, once it shows. */
    public WebElement shown(By element) {
        return until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    /** The text a person reads in the element, once it shows; no-break spaces read as spaces. */
    public String text(By element) {
        return seen(shown(element).getText());
    }

    /**
     * The element's text once it contains {@code expected} (a card unfolding, a list filling in), or as it is when the
     * browser's patience runs out, so that the test's assertion says what was there instead.
     */
    public String textOnceItContains(By element, String expected) {
        try {
            return until(page -> {
                String text = text(element);
                return text.contains(expected) ? text : null;
            });
        } catch (TimeoutException late) {
            return text(element);
        }
    }

    /** Whether the element is on the page and shows, now: no wait. */
    public boolean isShown(By element) {
        return driver().findElements(element).stream().anyMatch(Browser::displayed);
    }

    /** Waits, up to the browser's patience, until the condition returns something other than null or false. */
    public <T> T until(Function<? super WebDriver, T> condition) {
        driver();
        return wait.until(condition);
    }

    /** The browser, started at first use; for what the methods above do not cover. */
    public WebDriver driver() {
        if (driver == null) {
            start();
        }
        return driver;
    }

    private void start() {
        if (baseUrl == null) {
            throw new IllegalStateException("Say where the application listens first: browser.at(url)");
        }
        try {
            profile = Files.createTempDirectory("recouvrement-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--lang=fr-FR", "--window-size=" + WIDTH + "," + HEIGHT);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        // The driver named here, and the browser named above: Selenium Manager is never asked for either.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("TZ", "Europe/Paris")).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, PATIENCE);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        // The window's size counts a frame around the page: give the page itself WIDTH x HEIGHT.
        Dimension window = driver.manage().window().getSize();
        long pageWidth = (Long) driver.executeScript("return window.innerWidth");
        long pageHeight = (Long) driver.executeScript("return window.innerHeight");
        driver.manage().window().setSize(new Dimension(window.getWidth() + WIDTH - (int) pageWidth,
                window.getHeight() + HEIGHT - (int) pageHeight));
    }

    /** Closes the browser and removes its profile; done after each test, also called by a test that wants it now. */
    public void close() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            wait = null;
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                } catch (IOException e) {
                    // A leftover profile under the temporary folder is no failure of the test.
                }
                profile = null;
            }
        }
    }

    private static boolean displayed(WebElement element) {
        try {
            return element.isDisplayed();
        } catch (StaleElementReferenceException gone) {
            return false;
        }
    }

    private static String seen(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
