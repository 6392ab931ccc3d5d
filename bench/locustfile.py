"""The load test's visitors (locust): what `make load` sends at the site. Run through bench/load.py,
which prepares the site, starts gunicorn, runs this headless and checks the result.

The mix, per 20 visitors: 12 learners (the catalogue, modules, lessons read and marked complete,
a quiz taken and submitted, their own learning), 4 champions (the directory, searched and
filtered, and their learning), 3 people verifying a certificate (signed out), 1 organisation lead
(the staff training report). Each waits one to three seconds between steps, as a reader does
(a verifier three to six).

The site runs with the production settings behind what would be its TLS proxy: each visitor
sends `X-Forwarded-Proto: https` and its own `X-Forwarded-For` address, as the proxy would, so
the HTTPS-only settings, CSRF's referer check and the per-address rate limits all apply as in
production. Cookies marked Secure are sent back over the plain connection to 127.0.0.1 (the proxy
would have received them over HTTPS).

The site's details (sessions, modules, lessons, certificate codes) come from the JSON file named
by LOAD_SITE, written by bench/load.py.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

SITE = json.loads(open(os.environ["LOAD_SITE"], encoding="utf-8").read())  # noqa: SIM115 - read once at import
_addresses = itertools.count(1)
_learners = itertools.cycle(SITE["learners"])
_champions = itertools.cycle(SITE["champions"])

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SHOWN = re.compile(r'name="shown" value="(\d+)"')
COMPLETE = re.compile(r'action="(/my-learning/lessons/\d+/complete/)"')


class Visitor(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def on_start(self):
        number = next(_addresses)
        self.client.headers.update({
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}",
        })
        self.origin = "https://" + self.host.split("://", 1)[1].rstrip("/")

    def sign_in_as(self, person: dict) -> None:
        """Take a session made for this person (bench/load.py signs them in beforehand)."""
        host = self.host.split("://", 1)[1].split(":")[0]
        self.client.cookies.set(SITE["session_cookie"], person["session"], domain=host, path="/")

    def send_secure_cookies(self) -> None:
        """Send cookies marked Secure to 127.0.0.1 too: the proxy in front would have had them over
        HTTPS. (requests copies the jar for each request, so a cookie policy would not stay.)"""
        for cookie in self.client.cookies:
            cookie.secure = False

    def get(self, url: str, name: str, expect: int = 200):
        self.send_secure_cookies()
        with self.client.get(url, name=name, catch_response=True, allow_redirects=False) as response:
            if response.status_code != expect:
                response.failure(f"{response.status_code} for {url} (expected {expect})")
            return response

    def post(self, url: str, data: dict, name: str, page_text: str, expect: int = 302):
        """A form post as the browser sends it: the page's CSRF token and a same-site referer."""
        token = CSRF.search(page_text)
        if token is None:
            with self.client.request("POST", url, name=name, catch_response=True) as response:
                response.failure(f"no form token on the page before {url}")
            return None
        self.send_secure_cookies()
        headers = {"Referer": self.origin + url}
        with self.client.post(url, data={"csrfmiddlewaretoken": token.group(1), **data}, headers=headers,
                              name=name, catch_response=True, allow_redirects=False) as response:
            if response.status_code != expect:
                response.failure(f"{response.status_code} for POST {url} (expected {expect})")
            return response


class Learner(Visitor):
    weight = 12

    def on_start(self):
        super().on_start()
        self.person = next(_learners)
        self.sign_in_as(self.person)
        self.quiz_taken = False

    @task(3)
    def browse_the_catalogue(self):
        self.get(SITE["catalogue"], "catalogue")
        self.get(random.choice(SITE["modules"]), "module overview")

    @task(6)
    def read_a_lesson(self):
        lesson = random.choice(self.person["lessons"])
        response = self.get(lesson, "lesson")
        found = COMPLETE.search(response.text or "")
        if found and random.random() < 0.3:
            self.post(found.group(1), {}, "lesson: mark complete", response.text)

    @task(2)
    def my_learning(self):
        self.get("/my-learning/", "my learning")

    @task(1)
    def take_the_quiz(self):
        """Start the quiz, answer every question, check, submit, read the result: once a visit
        (the quiz allows a few attempts a day)."""
        if self.quiz_taken:
            return
        self.quiz_taken = True
        quiz = self.get(self.person["quiz"], "quiz")
        started = self.post(self.person["quiz"] + "start/", {}, "quiz: start", quiz.text)
        if started is None:
            return
        attempt_url = started.headers.get("Location", "")
        if not re.fullmatch(r"/my-learning/attempts/\d+/", attempt_url):
            started.failure(f"starting the quiz went to {attempt_url!r}, not an attempt")
            return
        page = self.get(attempt_url, "quiz: attempt")
        questions = SHOWN.findall(page.text)
        answers = {"shown": questions, "action": "submit"}
        answers.update({f"q{q}": str(random.randint(1, 2)) for q in questions})
        checked = self.post(attempt_url, answers, "quiz: check answers", page.text)
        if checked is None:
            return
        check_page = self.get(attempt_url + "check/", "quiz: check page")
        submitted = self.post(attempt_url, {"action": "confirm"}, "quiz: submit", check_page.text)
        if submitted is not None:
            self.get(attempt_url + "result/", "quiz: result")


class Champion(Visitor):
    weight = 4

    def on_start(self):
        super().on_start()
        self.sign_in_as(next(_champions))

    @task(4)
    def search_the_directory(self):
        self.get("/champions/", "directory")
        self.get("/champions/?" + random.choice(SITE["directory_searches"]), "directory: search")

    @task(1)
    def my_learning(self):
        self.get("/my-learning/", "my learning")


class Verifier(Visitor):
    """Someone checking a certificate they were shown: signed out, a few checks a minute."""

    weight = 3
    wait_time = between(3, 6)  # the site allows 30 checks a minute from one address

    @task
    def verify_a_certificate(self):
        self.get("/verify/" + random.choice(SITE["certificates"]) + "/", "verify a certificate")


class Lead(Visitor):
    weight = 1

    def on_start(self):
        super().on_start()
        self.sign_in_as(SITE["lead"])

    @task
    def staff_training_report(self):
        self.get(SITE["lead"]["report"], "lead: staff training report")
