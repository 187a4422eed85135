import { expect, test } from "@playwright/test";
import { expectAccessible, PASSWORD, uniqueEmail } from "./support/flows";

test.use({ storageState: { cookies: [], origins: [] } });

// The whole journey in Bahasa Malaysia, chosen with the header switch: every step is found by its Malay words,
// so an English string left on the way fails here.
test("in Bahasa Malaysia: sign up → wizard → camera → results → history → delete", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Tukar ke Bahasa Malaysia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ms");
  await page.getByRole("link", { name: "Mula semak kulit" }).click();

  await page.waitForURL(/\/sign-in\?next=%2Fanalyze/);
  await expect(page.getByRole("heading", { level: 1, name: "Log masuk atau cipta akaun anda" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("tab", { name: "Cipta Akaun" }).click();
  const email = uniqueEmail("bm");
  await page.getByLabel("E-mel", { exact: true }).fill(email);
  await page.getByLabel("Kata laluan", { exact: true }).fill("pendek");
  await page.getByLabel("Kata laluan", { exact: true }).blur();
  await expect(page.getByText("Kata laluan anda perlukan sekurang-kurangnya 12 aksara.")).toBeVisible();
  await page.getByLabel("Kata laluan", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Sahkan Kata Laluan", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Cipta Akaun" }).click();
  await page.waitForURL("**/analyze");
  // The account menu's words are translated on the server; the browser slots the email into them.
  await page.getByRole("button", { name: `Menu akaun ${email}` }).click();
  await expect(page.getByText(`Log masuk sebagai ${email}`)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("link", { name: "Data anda" })).toHaveCount(0);

  await expect(page.getByText("Langkah 1 daripada 6")).toBeVisible();
  await page.getByRole("button", { name: "Seterusnya" }).click();
  await expect(page.getByText("Sila pilih jenis kulit anda.")).toBeVisible();
  await page.getByLabel("Berminyak", { exact: true }).check();
  await page.getByRole("button", { name: "Seterusnya" }).click();
  await expect(page.getByText("Langkah 2 daripada 6")).toBeVisible();
  await page.getByLabel("Jerawat", { exact: true }).check();
  await page.getByLabel("Liang roma ketara", { exact: true }).check();
  await page.getByLabel("Hilangkan jerawat", { exact: true }).check();
  await page.getByRole("button", { name: "Seterusnya" }).click();
  await page.getByLabel("Jarang bertindak balas", { exact: true }).check();
  await page.getByLabel("Pewangi tidak mengapa", { exact: true }).check();
  await page.getByRole("radiogroup", { name: /hamil/i }).getByLabel("Tidak", { exact: true }).check();
  await page.getByRole("button", { name: "Seterusnya" }).click();
  await page.getByLabel("RM50–150 sebuah produk", { exact: true }).check();
  await page.getByRole("button", { name: "Seterusnya" }).click();
  await page.getByLabel(/Saya bersetuju Skinsight menganalisis foto saya/).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Seterusnya" }).click();
  await expect(page.getByText("Langkah 6 daripada 6")).toBeVisible();

  const shutter = page.getByRole("button", { name: "Ambil foto" });
  await expect(shutter).toBeEnabled();
  await shutter.click();
  await expect(page.getByRole("img", { name: "Swafoto anda, sedia untuk dihantar" })).toBeVisible({ timeout: 10_000 });
  await page.getByRole("button", { name: "Semak kulit saya" }).click();
  await page.waitForURL(/\/analyses\/[^/]+$/);

  await expect(page.getByRole("heading", { level: 1, name: "Keputusan anda" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("product-card")).toHaveCount(3);
  await expect(page.getByTestId("score-card")).toHaveCount(6);
  await expect(page.getByRole("heading", { name: "Tiga produk untuk anda" })).toBeVisible();
  await expect(page.getByTestId("results-summary")).toContainText(
    "Untuk kulit berminyak dengan jerawat dan liang roma ketara",
  );
  // Reasons come from the recommender as keys; here they must read in Malay.
  await expect(page.getByTestId("product-card").first()).toContainText("Sesuai untuk kulit berminyak.");
  await expect(page.getByTestId("product-card").first()).toContainText(/RM\s?\d+\.\d{2}/);
  await expect(page.getByText("Cuba setiap produk baharu pada kawasan kecil", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sembunyikan tanda" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ms");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Lihat sejarah anda" }).click();
  await page.waitForURL("**/history");
  const items = page.getByTestId("history-item");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("Selesai");
  await expectAccessible(page);
  await items.first().getByRole("button", { name: /Padam/ }).click();
  const dialog = page.getByRole("dialog", { name: "Padam semakan kulit ini?" });
  await dialog.getByRole("button", { name: "Padam" }).click();
  await expect(items).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("Belum ada semakan kulit")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ms");
});
