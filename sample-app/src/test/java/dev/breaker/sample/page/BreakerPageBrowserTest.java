package dev.breaker.sample.page;

import dev.breaker.sample.SampleAppTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

/**
 * The live page in a real browser (Debian's headless Chromium): break Anthropic, send a burst, see
 * its breaker turn OPEN on the page, click Reset, see it CLOSED; break Anthropic, ask the failover demo,
 * see every answer come from OpenAI. Skipped, with the reason, where
 * Chromium or ChromeDriver is not installed ({@code .ci/install-browser} installs them).
 */
@ExtendWith(ChromiumInstalled.class)
class BreakerPageBrowserTest extends SampleAppTestSupport {

    private static final String ROW = "[data-provider='anthropic'] tr[data-key='/v1/messages'] ";
    private static final String AI_ROW =
            "[data-provider='spring-ai-anthropic'] tr[data-key='/v1/messages|claude-sonnet-4-5'] ";

    private HeadlessChromium browser;
    private Path profile;

    @BeforeEach
    void openThePage() throws IOException {
        profile = Files.createTempDirectory("chromium-profile");
        browser = HeadlessChromium.start(profile);
        browser.driver().get("http://localhost:" + port() + "/");
    }

    @AfterEach
    void closeTheBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
        HeadlessChromium.delete(profile);
    }

    @Test
    void showsTheBreakerOpenAfterAFailureBurstAndClosedAfterReset() {
        ChromeDriver page = browser.driver();
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(10));

        page.findElement(By.cssSelector("#sim-tabs [data-sim='anthropic']")).click();
        page.findElement(By.cssSelector("#modes [data-mode='overloaded']")).click();
        page.findElement(By.id("apply")).click();
        wait.until(textToBePresentInElementLocated(By.id("rules"), "every call: 529 Overloaded"));

        new Select(page.findElement(By.id("target"))).selectByValue("anthropic");
        WebElement count = page.findElement(By.id("t-count"));
        count.clear();
        count.sendKeys("8");
        page.findElement(By.id("burst")).click();
        wait.until(textToBe(By.id("progress"), "8 sent."));
        assertThat(page.findElement(By.cssSelector("#tally [data-kind='failed']")).getText())
                .isEqualTo("×5 529 from provider");
        assertThat(page.findElement(By.cssSelector("#tally [data-kind='rejected']")).getText())
                .isEqualTo("×3 503 rejected by breaker");

        wait.until(textToBe(By.cssSelector(ROW + ".state"), "OPEN"));
        assertThat(page.findElement(By.cssSelector(ROW + ".retry")).getText()).matches("\\d+ s");
        assertThat(page.findElement(By.cssSelector("[data-provider='anthropic']")).getAttribute("data-worst"))
                .isEqualTo("OPEN");

        page.findElement(By.cssSelector(ROW + "button[data-action='reset']")).click();
        wait.until(textToBe(By.cssSelector(ROW + ".state"), "CLOSED"));
        assertThat(page.findElement(By.cssSelector(ROW + ".retry")).getText()).isEmpty();
    }

    @Test
    void breakAnthropicAndTheFailoverDemosAnswersKeepComingFromOpenAi() {
        ChromeDriver page = browser.driver();
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(10));
        long anthropicServed = served("anthropic");
        long fallbacks = client.get().uri("/demo/failover").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("fallbacks").asLong();

        page.findElement(By.cssSelector("#sim-tabs [data-sim='anthropic']")).click();
        page.findElement(By.cssSelector("#modes [data-mode='overloaded']")).click();
        page.findElement(By.id("apply")).click();
        wait.until(textToBePresentInElementLocated(By.id("rules"), "every call: 529 Overloaded"));

        new Select(page.findElement(By.id("target"))).selectByValue("ask");
        WebElement count = page.findElement(By.id("t-count"));
        count.clear();
        count.sendKeys("8");
        page.findElement(By.id("burst")).click();
        wait.until(textToBe(By.id("progress"), "8 sent."));

        // Every prompt got an answer, all of them from OpenAI: five failed on Anthropic, three were refused.
        assertThat(page.findElements(By.cssSelector("#tally .chip"))).extracting(WebElement::getText)
                .containsExactly("×8 200 answered by openai/gpt-4o");
        wait.until(textToBe(By.id("served-by"), "openai/gpt-4o"));
        wait.until(textToBe(By.id("fallbacks"), String.valueOf(fallbacks + 8)));
        assertThat(page.findElement(By.cssSelector("#chain li.serving")).getText())
                .startsWith("openai/gpt-4o · ");
        wait.until(textToBe(By.cssSelector(AI_ROW + ".state"), "OPEN"));
        wait.until(textToBe(By.cssSelector("#sim-tabs [data-sim='anthropic'] small"), (anthropicServed + 5) + " served"));
        assertThat(served("anthropic")).as("Anthropic was asked only until its breaker opened")
                .isEqualTo(anthropicServed + 5);
    }

    @Test
    void aSluggishProviderThatStillAnswers200IsShownOpenForItsSlowCalls() {
        ChromeDriver page = browser.driver();
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(10));

        page.findElement(By.cssSelector("#sim-tabs [data-sim='anthropic']")).click();
        page.findElement(By.cssSelector("#modes [data-mode='sluggish']")).click();
        page.findElement(By.id("apply")).click();
        wait.until(textToBePresentInElementLocated(By.id("rules"), "Sluggish"));

        new Select(page.findElement(By.id("target"))).selectByValue("anthropic");
        WebElement count = page.findElement(By.id("t-count"));
        count.clear();
        count.sendKeys("12");
        page.findElement(By.id("burst")).click();
        wait.until(textToBe(By.id("progress"), "12 sent."));

        // Ten slow answers, every one a 200, then the breaker refuses: half of its window was slow.
        assertThat(page.findElement(By.cssSelector("#tally [data-kind='ok']")).getText()).isEqualTo("×10 200 OK");
        assertThat(page.findElement(By.cssSelector("#tally [data-kind='rejected']")).getText())
                .isEqualTo("×2 503 rejected by breaker");
        wait.until(textToBe(By.cssSelector(ROW + ".state"), "OPEN"));
        assertThat(page.findElement(By.cssSelector(ROW + ".why")).getText()).startsWith("slow-call-rate");
        assertThat(page.findElement(By.cssSelector(ROW + ".slow")).getText()).isEqualTo("10 · 100 %");
    }
}
