"""News articles saved as HTML pages (Reuters, BBC, …) with the chrome real pages carry:
head metadata, menus, cookie banners, promos, photo captions, related headlines."""

from __future__ import annotations

from tests.ingest.documents import check_offsets, read_html, said

REUTERS = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Russia's Lavrov says West is 'playing with fire' over Ukraine | Reuters</title>
<meta property="og:title" content="Russia's Lavrov says West is 'playing with fire' over
Ukraine">
<meta property="og:site_name" content="Reuters">
<meta property="article:published_time" content="2023-03-02T16:12:00Z">
<script
type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Russia's
Lavrov says West is 'playing with fire' over
Ukraine","datePublished":"2023-03-02T16:12:00Z","author":[{"@type":"Person","name":"Guy
Faulconbridge"}]}</script>
</head>
<body>
<div id="onetrust-banner-sdk" class="cookie-banner">
<p>We use cookies to improve your experience. By continuing you accept our Cookie Policy.</p>
<button>Accept all</button>
</div>
<header class="site-header">
<nav class="main-nav">
<ul>
<li>
<a href="/world/">World</a>
</li>
<li>
<a href="/business/">Business</a>
</li>
<li>
<a href="/markets/">Markets</a>
</li>
<li>
<a href="/sustainability/">Sustainability</a>
</li>
</ul>
</nav>
</header>
<main id="main-content">
<article class="article">
<header class="article-header">
<nav class="breadcrumb">
<a href="/world/">World</a>
</nav>
<h1 data-testid="Heading">Russia's Lavrov says West is 'playing with fire' over Ukraine</h1>
<div class="article-byline">By <a href="/authors/guy-faulconbridge/">Guy Faulconbridge</a>
</div>
<time datetime="2023-03-02T16:12:00Z">March 2, 2023 4:12 PM UTC</time>
<div class="share-buttons">
<a href="#">Facebook</a>
<a href="#">Twitter</a>
<a href="#">LinkedIn</a>
<a href="#">Email</a>
</div>
</header>
<figure class="article-image">
<img src="lavrov.jpg" alt="Lavrov">
<figcaption>Russian Foreign Minister Sergei Lavrov speaks during a news conference in New
Delhi, India, March 2, 2023. "We will not back down," he said earlier. REUTERS/Adnan
Abidi</figcaption>
</figure>
<div class="article-body">
<p>NEW DELHI, March 2 (Reuters) - Russian Foreign Minister Sergei Lavrov accused the West on
Thursday of blackmail and threats at a meeting of G20 foreign ministers in New Delhi.</p>
<p>"The West is playing with fire," Lavrov told reporters after the talks. "They want to
inflict a strategic defeat on Russia."</p>
<div class="newsletter-promo">
<p>Sign up for our newsletter</p>
<p>Get the latest news from Reuters, "straight to your inbox," editors say.</p>
</div>
<p>U.S. Secretary of State Antony Blinken said the war had to end. "Russia must stop this war
of aggression," Blinken said.</p>
<p>Indian Prime Minister Narendra Modi urged the ministers to find common ground, saying
"global governance has failed."</p>
<p class="sign-off">Reporting by Guy Faulconbridge; Editing by Alex Richardson</p>
</div>
<section class="related-stories">
<h2>Related stories</h2>
<ul>
<li>
<a href="/a">Zelenskiy says "we will win" as war enters second year</a>
</li>
<li>
<a href="/b">China's Wang Yi: 'Peace talks are the only way'</a>
</li>
<li>
<a href="/c">Markets slip as oil rises</a>
</li>
</ul>
</section>
</article>
</main>
<footer class="site-footer">
<ul>
<li>
<a href="/about">About Reuters</a>
</li>
<li>
<a href="/privacy">Privacy</a>
</li>
<li>
<a href="/terms">Terms of Use</a>
</li>
</ul>
<p>All quotes delayed a minimum of 15 minutes.</p>
<p>© 2023 Reuters. All rights reserved</p>
</footer>
</body>
</html>
"""


def test_reuters_caption_is_no_remark_and_headline_is_title() -> None:
    """A photo caption with a quote ('"We will not back down," he said earlier') makes no
    remark; the headline stays the title once the caption is gone."""
    m = read_html(REUTERS)
    check_offsets(m)
    assert m.title == "Russia's Lavrov says West is 'playing with fire' over Ukraine"
    assert m.date == "2023-03-02"
    assert m.outlet == "Reuters"
    assert "back down" not in m.text
    assert not any("back down" in r.text for r in m.remarks)


def test_reuters_body_quotes_and_participants() -> None:
    """Body quotes keep their speakers; related headlines and promos add no one."""
    m = read_html(REUTERS)
    assert said(m, "playing with fire") == "Sergei Lavrov"
    assert said(m, "war of aggression") == "Antony Blinken"
    names = {p.name for p in m.participants}
    assert names == {"Sergei Lavrov", "Antony Blinken", "Narendra Modi"}
    assert not any("we will win" in r.text or "Peace talks" in r.text for r in m.remarks)
    assert not any("straight to your inbox" in r.text for r in m.remarks)
