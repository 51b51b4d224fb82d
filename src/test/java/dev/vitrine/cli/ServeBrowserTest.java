package dev.vitrine.cli;

import dev.vitrine.Machine;
import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The end-to-end check: `vitrine serve --sh` on the chapter's pipeline, driven by a real
 * headless Chromium (Debian's chromium and chromium-driver through Selenium; nothing downloads a
 * browser or a driver, the network is never asked). It steps to the first fork and reads the
 * process tree, steps to the next copy-on-write fault and reads the frame map's split, walks an
 * address, runs to the end and compares the output with `vitrine sh -c`'s, and runs a lab
 * simulation; the screenshots are docs/guide/browser.md's (-Dvitrine.guide.update=true writes them
 * there, else under target/).
 */
@org.junit.jupiter.api.Timeout(180)   // a page or a stream that never answers fails the test, never hangs the build
class ServeBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test void theChaptersPipelineStepByStepInAHeadlessBrowser(@TempDir Path profile) throws Exception {
        Toolchain.requireCompiler();
        Path chromium = Toolchain.requireHost("chromium", "apt-get install chromium");
        Path chromedriver = Toolchain.requireHost("chromedriver", "apt-get install chromium-driver");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Machine.Result plain = ServeTest.reference(expected, "--no-host-dir");
        assertEquals(0, plain.exitStatus());
        Path shots = Boolean.getBoolean("vitrine.guide.update") ? Path.of("docs/guide") : Path.of("target/browser");
        Files.createDirectories(shots);

        try (ServeCommand.Served s = ServeTest.serve("--sh", ServeTest.PIPELINE, "--port", "0", "--no-host-dir").start()) {
            WebDriver page = browser(chromium, chromedriver, profile);
            try {
                page.get(s.url());
                // Each update from the machine re-renders a panel's innerHTML, so an element found a moment ago
                // may be gone: a wait looks again, and a read of several parts retries as one (fresh()).
                WebDriverWait wait = new WebDriverWait(page, WAIT);
                wait.ignoring(StaleElementReferenceException.class);
                wait.until(d -> "paused".equals(status(d)) && !d.findElements(By.cssSelector("#proc-tree li[data-pid='2']")).isEmpty());
                assertEquals("0", page.findElement(By.tagName("body")).getAttribute("data-instructions"));
                wait.until(d -> !d.findElement(By.id("insn")).getText().isBlank());
                save(page, shots.resolve("browser-start.png"));

                // One instruction: the machine has retired exactly one.
                page.findElement(By.id("btn-step-insn")).click();
                wait.until(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-instructions"))
                        && d.findElement(By.id("why")).getText().equals("stepped one instruction"));
                wait.until(d -> d.findElement(By.id("insn")).getText().matches("(c\\.)?[a-z]+[a-z.]*\\s+\\S.*"));
                // One syscall (until it returns), then one event of any kind.
                page.findElement(By.id("btn-step-syscall")).click();
                wait.until(d -> d.findElement(By.id("why")).getText().startsWith("reached the next syscall event: pid 2 "));
                wait.until(d -> !d.findElement(By.id("syscalls")).getText().isBlank());
                page.findElement(By.id("btn-step-event")).click();
                wait.until(d -> d.findElement(By.id("why")).getText().startsWith("reached the next event: pid 2 "));

                // To the first fork: the shell (pid 2) and its child (pid 3), nested under it.
                new Select(page.findElement(By.id("until-kind"))).selectByVisibleText("fork");
                page.findElement(By.id("btn-until")).click();
                wait.until(d -> d.findElement(By.id("why")).getText().startsWith("reached the next fork event: pid 2 fork"));
                wait.until(d -> !d.findElements(By.cssSelector("#proc-tree li[data-pid='2'] li[data-pid='3']")).isEmpty());
                // init (pid 1), the shell under it, its child under the shell
                assertEquals(List.of("1", "2", "3"), fresh(() -> pids(page)));
                save(page, shots.resolve("browser-fork.png"));

                // To the next copy-on-write fault: the written page's old frame and its copy, each now one process's own.
                new Select(page.findElement(By.id("until-kind"))).selectByVisibleText("cow");
                page.findElement(By.id("btn-until")).click();
                wait.until(d -> d.findElement(By.id("why")).getText().startsWith("reached the next cow event: pid "));
                wait.until(d -> !d.findElements(By.cssSelector("#last-cow[data-to]")).isEmpty());
                fresh(() -> {
                    WebElement cow = page.findElement(By.id("last-cow"));
                    String pid = cow.getAttribute("data-pid"), from = cow.getAttribute("data-from"), to = cow.getAttribute("data-to");
                    assertNotEquals(from, to);
                    WebElement copy = page.findElement(By.cssSelector("#frames rect[data-frame='" + to + "']"));
                    WebElement old = page.findElement(By.cssSelector("#frames rect[data-frame='" + from + "']"));
                    assertEquals(pid, copy.getAttribute("data-pid"), "the copy is the writer's");
                    assertEquals("cow-to", copy.getAttribute("class"));
                    assertEquals("cow-from", old.getAttribute("class"));
                    assertNotEquals("free", old.getAttribute("data-kind"), "the frame copied from is still held");
                    assertNotEquals(pid, old.getAttribute("data-pid"), "the frame copied from is no longer the writer's");
                    return null;
                });
                save(page, shots.resolve("browser-cow.png"));

                // The walk of the program's first page in the selected process, level by level.
                fresh(() -> { page.findElement(By.cssSelector("#proc-tree li[data-pid='2'] > span.proc")).click(); return null; });
                wait.until(d -> d.findElement(By.id("sel-title")).getText().startsWith("2 sh"));
                page.findElement(By.id("walk-va")).sendKeys("0x10000");
                page.findElement(By.id("btn-walk")).click();
                wait.until(d -> "1".equals(((ChromeDriver) d).executeScript(
                        "const e = document.getElementById('walk-result'); return e ? getComputedStyle(e).opacity : null")));
                assertTrue(fresh(() -> page.findElement(By.id("walk-result")).getText()).startsWith("\u2192 physical 0x"));
                assertEquals(3, page.findElements(By.cssSelector(".walk-step[data-step]")).size() - 1, "sv39: three levels");
                save(page, shots.resolve("browser-walk.png"));

                // To the end: what the page shows is what `vitrine sh -c` prints.
                page.findElement(By.id("btn-run")).click();
                wait.until(d -> "ended".equals(status(d)));
                String shown = (String) ((ChromeDriver) page).executeScript("return document.getElementById('output').textContent");
                assertEquals(expected.toString(StandardCharsets.UTF_8), shown);
                assertEquals(0, s.result().join().exitStatus());
                // Everyone reaped: only init is left.
                assertEquals(List.of("1"), fresh(() -> pids(page)));
                save(page, shots.resolve("browser-end.png"));

                // A lab simulation with its chart: Belady's anomaly under FIFO.
                new Select(page.findElement(By.id("lab-cmd"))).selectByValue("replace");
                page.findElement(By.id("btn-lab")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#lab-chart circle.point")).isEmpty());
                assertTrue(fresh(() -> page.findElement(By.id("lab-out")).getText()).contains("fifo: 4 frames give 10 faults, 3 frames only 9 (Belady's anomaly)"));
                assertEquals(15, page.findElements(By.cssSelector("#lab-chart circle.point")).size(), "3 policies at 1 to 5 frames");
                ((ChromeDriver) page).executeScript("document.getElementById('lab').scrollIntoView()");
                save(page, shots.resolve("browser-lab.png"));
                new Select(page.findElement(By.id("lab-cmd"))).selectByValue("sched");
                page.findElement(By.id("btn-lab")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#lab-chart rect.slot")).isEmpty());
                assertTrue(page.findElement(By.id("lab-out")).getText().contains("sjf"), page.findElement(By.id("lab-out")).getText());
                new Select(page.findElement(By.id("lab-cmd"))).selectByValue("translate");
                page.findElement(By.id("btn-lab")).click();
                wait.until(d -> d.findElements(By.cssSelector("#lab-chart .walk-step")).size() >= 2);
                assertTrue(page.findElement(By.id("lab-out")).getText().startsWith("address 0x3a7f"), page.findElement(By.id("lab-out")).getText());
            } finally {
                page.quit();
            }
        }
    }

    private static String status(WebDriver d) { return d.findElement(By.tagName("body")).getAttribute("data-status"); }

    private static List<String> pids(WebDriver page) {
        return page.findElements(By.cssSelector("#proc-tree li[data-pid]")).stream().map(e -> e.getAttribute("data-pid")).toList();
    }

    /** A read of several elements, again from the start if a re-render replaced one of them meanwhile. */
    private static <T> T fresh(java.util.function.Supplier<T> read) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 20) throw e;
                Thread.sleep(50);
            }
        }
    }

    /**
     * Debian's chromium through its own chromedriver: no Selenium Manager, no download, no
     * network (the machine's is closed), a fresh profile per run.
     */
    static WebDriver browser(Path chromium, Path chromedriver, Path profile) {
        // Selenium's note that it has no DevTools bindings for this Chromium: the test uses WebDriver only.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium.toFile());
        o.addArguments(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1500,1100", "--user-data-dir=" + profile.toAbsolutePath()));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(WAIT);
        return d;
    }

    private static void save(WebDriver page, Path file) throws java.io.IOException {
        Files.write(file, ((ChromeDriver) page).getScreenshotAs(OutputType.BYTES));
    }
}
