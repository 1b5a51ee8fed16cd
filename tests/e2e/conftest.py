"""Browser tests: Playwright's sync API driving the system's Chromium against a live server.

They run when Chromium is installed (``/usr/bin/chromium``, or ``CHROMIUM_PATH``) and are
skipped with a single reason when it is not; Playwright never downloads a browser here.
A page that logs a JavaScript error, loses a request or gets a server error fails its test.
"""

from __future__ import annotations

import base64
import importlib.util
import os
import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
SCREENSHOTS = REPO_ROOT / "var" / "screenshots"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
# How long any wait (a navigation, an element, an ``expect`` condition) may last before the
# test fails. Tests wait for conditions, never for a fixed time, so a generous bound costs
# nothing when the machine is fast and keeps a loaded one (two workers on two shared cores,
# other jobs beside them) from failing tests that would pass. ``E2E_TIMEOUT_MS`` overrides it.
TIMEOUT_MS = int(os.environ.get("E2E_TIMEOUT_MS", "60000"))


# The department's name as the office entered it, per content language.
DEPARTMENT_NAMES = {
    "uz": "Xalqaro hamkorlik boʻlimi",
    "ru": "Отдел международного сотрудничества",
    "en": "International Cooperation Department",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.e2e)


def chromium_missing() -> str | None:
    """Why browser tests cannot run here, or None."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"Chromium not found at {CHROMIUM}: browser tests skipped"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed: browser tests skipped"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Raised here, before any fixture, every skip has this one location: ``-ra`` folds them
    # into a single line (a marker or a fixture would report one line per test file or test).
    reason = chromium_missing()
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="package", autouse=True)
def _allow_orm_beside_playwright():
    """Playwright's sync API keeps an event loop running in the test thread, and Django then
    refuses ORM calls (fixtures, ``refresh_from_db``) as "async unsafe" although they run
    synchronously. Allowed for this folder only: the variable would leak into subprocesses of
    other tests (``check --deploy`` rejects it).
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


# One browser for the folder, closed when its last test ends so that its event loop is gone
# before other tests use the ORM.
@pytest.fixture(scope="package")
def browser(_allow_orm_beside_playwright):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_problems(request) -> list[str]:
    """What went wrong in any page of the test; checked after the test body passes."""
    problems: list[str] = []
    request.node.browser_problems = problems
    return problems


@pytest.fixture
def new_page(browser, live_server, browser_problems):
    """``new_page(viewport=PHONE, storage_state=...)``: a page in a fresh browser context."""
    contexts = []

    def make(**options):
        options = {"viewport": DESKTOP, "locale": "en-US", **options}
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        watch(page, browser_problems)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def department(home):
    """The department's profile, as an installation has it once set up."""
    from hamkor.website.models import DepartmentProfile

    return DepartmentProfile.objects.create(
        institution=home,
        name_uz=DEPARTMENT_NAMES["uz"],
        name_ru=DEPARTMENT_NAMES["ru"],
        name_en=DEPARTMENT_NAMES["en"],
        head_name_uz="Aziza Karimova",
        phone="+998 73 000 00 00",
        email="iro@example.org",
    )


def watch(page, problems: list[str]) -> None:
    """Collect JavaScript errors, failed requests and error answers of ``page``.

    A page the test opens on purpose may answer 4xx (the test checks that status itself);
    anything the page loads by itself must succeed. A request the browser cancels
    (``net::ERR_ABORTED``: the page was left, or the answer became a download) is no failure.
    """

    def on_console(message):
        # Chromium repeats every 4xx/5xx answer as a console error; on_response judges those.
        if message.type == "error" and not message.text.startswith(
            "Failed to load resource: the server responded with a status of"
        ):
            problems.append(f"console error on {page.url}: {message.text}")

    def on_request_failed(request):
        if request.failure != "net::ERR_ABORTED":
            problems.append(f"request failed: {request.method} {request.url}: {request.failure}")

    def on_response(response):
        document = response.request.resource_type == "document"
        if response.status >= 500 or (response.status >= 400 and not document):
            problems.append(f"answer {response.status}: {response.request.method} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"JavaScript error on {page.url}: {error}"))
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    try:
        result = yield
    except BaseException:
        # The test failed on its own; what the browser saw may explain why.
        problems = getattr(item, "browser_problems", None)
        if problems:
            item.add_report_section("call", "browser", "\n".join(problems))
        raise
    problems = getattr(item, "browser_problems", None)
    if problems:
        pytest.fail("the browser reported problems:\n" + "\n".join(problems), pytrace=False)
    return result


def expect(target, message: str | None = None):
    """Playwright's ``expect``, imported late so that collection works without Playwright."""
    from playwright.sync_api import expect as playwright_expect

    playwright_expect.set_options(timeout=TIMEOUT_MS)
    return playwright_expect(target, message)


def pick(page, field, search: str, option: str) -> None:
    """Choose ``option`` in the Tom Select picker inside ``field`` by typing ``search``.

    A search-as-you-type picker asks the server as the user types, at most every 250 ms: the
    answer for the whole ``search`` may come after an option found by a shorter one is
    already shown. Clicking that option before the last answer, the late answer re-draws the
    list over the form and the next click (on "Save") falls on the list instead: wait for the
    answer to what was typed, choose, and wait for the list to close.
    """
    from urllib.parse import parse_qs, urlsplit

    select = field.locator("select")
    field.locator(".ts-control").click()
    if select.get_attribute("data-autocomplete"):

        def answers_search(response) -> bool:
            query = parse_qs(urlsplit(response.url).query)
            return "/staff/pick/" in response.url and query.get("q") == [search]

        with page.expect_response(answers_search):
            page.keyboard.type(search)
    else:
        page.keyboard.type(search)
    field.get_by_role("listbox").get_by_role("option", name=option).click()
    if not select.get_attribute("data-autocomplete"):
        page.keyboard.press("Escape")  # a short list stays open after a choice: close it
    wrapper = field.locator(".ts-wrapper")
    expect(wrapper).not_to_have_class(re.compile(r"\b(dropdown-active|loading)\b"))
    expect(select.locator("option:checked")).to_have_text(option)


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as ``var/screenshots/<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page, user, password: str | None = None) -> None:
    """Log in through the login form; enrol an authenticator when the role requires one."""
    from hamkor.accounts.tests.factories import PASSWORD

    page.goto("/account/login/")
    page.fill("input[name=username]", user.email)
    page.fill("input[name=password]", password or PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    if page.url.endswith("/account/two-factor/setup/"):
        enrol_authenticator(page)
    assert "/account/login/" not in page.url, f"login failed for {user.email}"


def enrol_authenticator(page) -> None:
    """Do what the user does with a phone: read the key, type the app's current code."""
    from django_otp.oath import totp

    secret = page.locator("code.totp-secret").inner_text().strip()
    code = totp(base64.b32decode(secret))
    page.fill("input[name=token]", f"{code:06d}")
    with page.expect_navigation():
        page.click("main form:has(input[name=token]) button[type=submit]")
    # The recovery codes are shown once; the user keeps them and goes on.
    codes = page.locator("ol.recovery-codes")
    assert codes.count() == 1, "the authenticator code was refused"
    with page.expect_navigation():
        page.click("main a.btn-primary")
    assert "/two-factor/" not in page.url
