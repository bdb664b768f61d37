/* HelpCenter search (docs/search.md). The build writes the index as scripts under
   search/index/: manifest.js, term shards t-<prefix>.js and one fragment d-<n>.js per article.
   Each calls HelpCenterSearch.loaded(name, data) when it is injected, so the index works from
   file:// (where fetch is refused) and over HTTP. Nothing is loaded before the reader types.
   The browser never stems: a typed word is looked up among the words the build saw, each
   mapped to the build's stem; an unseen word matches by prefix (while typing) or one typo. */
(function () {
  "use strict";
  var root = (document.body && document.body.getAttribute("data-root")) || "./";
  var base = root + "search/index/";
  /* Opened from file://, a page's folder would show its listing: a result links to the
     folder's index.html there (helpcenter.js does the same for the page's links). */
  var folderIndex = location.protocol === "file:" ? "index.html" : "";
  var cache = {}, pending = {};
  /* The theme's words (templates/strings/<key>.yaml) with their {{name}} filled in, and the
     page language's plural category ("one", "other"…) for a count. */
  var lang = document.documentElement.lang || "en";
  function words_(text, values) {
    return text.replace(/\{\{(\w+)\}\}/g, function (tag, name) { return name in values ? String(values[name]) : tag; });
  }
  function plural(count) {
    return window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang).select(count) : (count === 1 ? "one" : "other");
  }

  window.HelpCenterSearch = {
    loaded: function (name, data) {
      cache[name] = data;
      var waiting = pending[name];
      delete pending[name];
      if (waiting) waiting.resolve(data);
    },
    /* The words of a text as the index knows them (the tests compare them with the build's). */
    words: function (text) { return words(text); }
  };

  function load(name) {
    if (cache[name]) return Promise.resolve(cache[name]);
    if (pending[name]) return pending[name].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve) { entry.resolve = resolve; });
    pending[name] = entry;
    var script = document.createElement("script");
    script.src = base + name + ".js";
    script.async = true;
    script.onerror = function () {
      if (pending[name] === entry) { delete pending[name]; entry.resolve(null); }
    };
    document.head.appendChild(script);
    return entry.promise;
  }

  /* Words exactly as the build's SearchTokenizer makes them. */
  var LETTER = "a-z0-9\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff\\u2070-\\u2fff\\u3040-\\ufe2f\\ufe50-\\ufeff\\uff10-\\uffff";
  var WORD = new RegExp("[" + LETTER + "]+(?:'[" + LETTER + "]+)*", "g");
  /* Elided words of the index's language (French l', qu'), from its manifest: taken off the
     word they are joined to, as the build does. */
  var elisions = Object.create(null);
  function elide(word) {
    var apostrophe;
    while ((apostrophe = word.indexOf("'")) > 0 && elisions[word.slice(0, apostrophe)]) word = word.slice(apostrophe + 1);
    return word;
  }
  /* A word without its accents, as the build also lists it (recuperation → récupération's
     stem): a word of the text is highlighted when its accent-free form was matched. */
  function plain(word) {
    return word.normalize ? word.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : word;
  }
  function slotOf(highlight, word) {
    return highlight[word] || highlight[plain(word)] || 0;
  }
  function words(text) {
    return allWords(text).filter(indexed);
  }
  /* Every word of a text, one-character words included: the index leaves those out, but a
     synonym may hold one ("2-step", "2 étapes"), so synonyms are matched on these. */
  function allWords(text) {
    var found = (text || "").toLowerCase().replace(/\u2019/g, "'").match(WORD) || [];
    return found.map(elide).filter(function (word) { return word && utf8Length(word) <= 40; });
  }
  function indexed(word) { return Array.from(word).length > 1; }
  /* Bytes, as the build counts a word's length (String.length counts UTF-16 units). */
  function utf8Length(word) {
    var bytes = 0;
    Array.from(word).forEach(function (character) {
      var point = character.codePointAt(0);
      bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
    });
    return bytes;
  }

  /* The shard holding a word: the longest listed prefix (in code points). */
  function shardOf(word, manifest) {
    var points = Array.from(word);
    for (var length = Math.min(points.length, manifest.longest); length > 0; length--) {
      var prefix = points.slice(0, length).join("");
      if (manifest.listed[prefix]) return prefix;
    }
    return "";
  }
  function fileKey(prefix) {
    if (!prefix) return "_";
    if (/^[a-z0-9]+$/.test(prefix)) return prefix;
    var hex = "-";
    new TextEncoder().encode(prefix).forEach(function (byte) { hex += (byte < 16 ? "0" : "") + byte.toString(16); });
    return hex;
  }
  function loadShard(prefix) { return load("t-" + fileKey(prefix)); }

  var manifestPromise = null;
  function loadManifest() {
    if (!manifestPromise) {
      manifestPromise = load("manifest").then(function (manifest) {
        if (!manifest) return null;
        manifest.listed = {};
        manifest.longest = 0;
        manifest.shards.forEach(function (prefix) {
          manifest.listed[prefix] = true;
          manifest.longest = Math.max(manifest.longest, Array.from(prefix).length);
        });
        (manifest.elisions || []).forEach(function (word) { elisions[word] = true; });
        manifest.stop = Object.create(null);
        manifest.stopWords.forEach(function (word) { manifest.stop[word] = true; });
        manifest.groups = manifest.synonyms.map(function (group) {
          return group.map(function (phrase) { return { words: allWords(phrase), content: contentWords(phrase, manifest.stop) }; });
        });
        return manifest;
      });
    }
    return manifestPromise;
  }

  /* The words of a synonym that must match: a phrase drops its stop words ("sign in": sign);
     a hyphenated word keeps all of its parts ("two-factor": two factor), so one with a stop
     word in it ("back-up") matches only through the group's other entries. So does one with a
     word of one character, which the index leaves out ("2-step", "2 step": "step" alone would
     find every article with steps). */
  function contentWords(phrase, stop) {
    var required = [];
    var searchable = true;
    phrase.toLowerCase().split(/\s+/).forEach(function (part) {
      var parts = allWords(part);
      if (!parts.every(indexed)) searchable = false;
      if (parts.length > 1) required = required.concat(parts);
      else if (parts.length === 1 && !stop[parts[0]]) required.push(parts[0]);
    });
    return searchable ? required : [];
  }

  /* The query as slots: each slot is a word or a synonym group, matched by any of its
     alternatives (each a list of words that must all match). */
  function parse(query, manifest) {
    var raw = allWords(query);
    var typing = !/\s$/.test(query);
    /* The word being typed: the last the index can hold ("backup 2": backup). */
    var last = raw.length - 1;
    while (last >= 0 && !indexed(raw[last])) last--;
    var slots = [];
    for (var i = 0; i < raw.length;) {
      var best = null;
      manifest.groups.forEach(function (group) {
        group.forEach(function (entry) {
          var n = entry.words.length;
          if (n && (!best || n > best.length) && raw.slice(i, i + n).join(" ") === entry.words.join(" ")) best = { group: group, length: n };
        });
      });
      if (best) {
        var alternatives = best.group.map(function (entry) { return entry.content; }).filter(function (content) {
          return content.length && content.every(function (word) { return !manifest.stop[word]; });
        });
        if (alternatives.length) slots.push({ alternatives: alternatives, prefix: false });
        i += best.length;
        continue;
      }
      if (indexed(raw[i]) && !manifest.stop[raw[i]]) slots.push({ alternatives: [[raw[i]]], prefix: typing && i === last });
      i++;
    }
    if (!slots.length) {
      /* Only stop words: search them as the beginnings of other words. */
      slots = raw.filter(indexed).map(function (word) { return { alternatives: [[word]], prefix: true, prefixOnly: true }; });
    }
    return slots;
  }

  function withinOneEdit(a, b) {
    if (a === b) return false;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  var PREFIX_STEMS = 12;
  /* The stems a word matches, with a weight: 1 for a word the build saw, 0.8 for words it
     begins (while typing), 0.6 for words one typo away (words of five letters or more). */
  function resolveWord(word, prefix, prefixOnly, manifest) {
    var home = shardOf(word, manifest);
    var shards = [home];
    if (prefix) {
      manifest.shards.forEach(function (key) {
        if (key.length > home.length && key.indexOf(word) === 0 && shards.length < 4) shards.push(key);
      });
    }
    return Promise.all(shards.map(loadShard)).then(function (loaded) {
      var stems = {}, surfaces = [];
      function add(surface, stem, weight) {
        if (!(stem in stems) || stems[stem] < weight) stems[stem] = weight;
        surfaces.push(surface);
      }
      var exact = false;
      loaded.forEach(function (shard) {
        if (!shard) return;
        var table = shard.w;
        if (!prefixOnly && Object.prototype.hasOwnProperty.call(table, word)) {
          exact = true;
          add(word, table[word] === 1 ? word : table[word], 1);
        }
      });
      if (prefix) {
        var candidates = [];
        loaded.forEach(function (shard) {
          if (!shard) return;
          for (var surface in shard.w) {
            if (surface !== word && surface.indexOf(word) === 0) candidates.push([surface, shard.w[surface] === 1 ? surface : shard.w[surface]]);
          }
        });
        candidates.sort(function (a, b) { return a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1); });
        var seen = 0;
        candidates.forEach(function (candidate) {
          if (seen >= PREFIX_STEMS && !(candidate[1] in stems)) return;
          if (!(candidate[1] in stems)) seen++;
          add(candidate[0], candidate[1], 0.8);
        });
      }
      if (!exact && !prefixOnly && Array.from(word).length >= 5) {
        loaded.forEach(function (shard) {
          if (!shard) return;
          for (var surface in shard.w) {
            if (withinOneEdit(word, surface)) add(surface, shard.w[surface] === 1 ? surface : shard.w[surface], 0.6);
          }
        });
      }
      return { stems: stems, surfaces: surfaces };
    });
  }

  function decodePostings(text) {
    var numbers = [], value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      var digit = c <= 57 ? c - 48 : c <= 90 ? c - 55 : c === 95 ? 63 : c === 45 ? 62 : c - 61;
      if (digit >= 32) { value += (digit - 32) * Math.pow(2, shift); shift += 5; }
      else { numbers.push(value + digit * Math.pow(2, shift)); value = 0; shift = 0; }
    }
    var postings = [], doc = -1;
    for (var p = 0; p + 1 < numbers.length; p += 2) {
      doc += numbers[p] + 1;
      var packed = numbers[p + 1];
      postings.push({ doc: doc, weight: packed >> 6, fields: (packed >> 4) & 3, length: packed & 15 });
    }
    return postings;
  }

  var K1 = 1.2, B = 0.75, TITLE_BONUS = 1.5, HEADING_BONUS = 0.5;
  function stemScores(stem, manifest) {
    return loadShard(shardOf(stem, manifest)).then(function (shard) {
      var entry = shard && shard.s[stem];
      if (!entry) return {};
      if (!entry.scores) {
        var df = entry[0], n = manifest.documents, idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        var scores = {};
        decodePostings(entry[1]).forEach(function (posting) {
          var ratio = Math.pow(2, posting.length / 1.6 + 3) / Math.max(1, manifest.averageLength);
          var tf = posting.weight;
          var score = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * ratio));
          if (posting.fields & 1) score += idf * TITLE_BONUS;
          if (posting.fields & 2) score += idf * HEADING_BONUS;
          scores[posting.doc] = score;
        });
        entry.scores = scores;
      }
      return entry.scores;
    });
  }

  /* Ranks the articles for a query: per slot the best alternative, summed over slots, and
     scaled by the share of slots matched, so an article matching every word comes first but
     one word the site never uses does not empty the list. */
  function search(query) {
    return loadManifest().then(function (manifest) {
      if (!manifest) return { results: [], highlight: Object.create(null), manifest: { stop: Object.create(null) } };
      var slots = parse(query, manifest);
      var highlight = Object.create(null);
      return Promise.all(slots.map(function (slot, slotIndex) {
        return Promise.all(slot.alternatives.map(function (alternative) {
          return Promise.all(alternative.map(function (word) {
            return resolveWord(word, slot.prefix, slot.prefixOnly, manifest).then(function (match) {
              match.surfaces.forEach(function (surface) { highlight[surface] = slotIndex + 1; });
              var stems = Object.keys(match.stems);
              return Promise.all(stems.map(function (stem) { return stemScores(stem, manifest); })).then(function (tables) {
                var best = {};
                tables.forEach(function (table, t) {
                  var weight = match.stems[stems[t]];
                  for (var doc in table) {
                    var score = table[doc] * weight;
                    if (!(doc in best) || best[doc] < score) best[doc] = score;
                  }
                });
                return best;
              });
            });
          })).then(function (perWord) {
            var combined = {};
            if (!perWord.length) return combined;
            for (var doc in perWord[0]) {
              var sum = 0, all = true;
              for (var w = 0; w < perWord.length; w++) {
                if (!(doc in perWord[w])) { all = false; break; }
                sum += perWord[w][doc];
              }
              if (all) combined[doc] = sum;
            }
            return combined;
          });
        })).then(function (perAlternative) {
          var best = {};
          perAlternative.forEach(function (table) {
            for (var doc in table) if (!(doc in best) || best[doc] < table[doc]) best[doc] = table[doc];
          });
          return best;
        });
      })).then(function (perSlot) {
        var totals = {}, matched = {};
        perSlot.forEach(function (table) {
          for (var doc in table) {
            totals[doc] = (totals[doc] || 0) + table[doc];
            matched[doc] = (matched[doc] || 0) + 1;
          }
        });
        var results = Object.keys(totals).map(function (doc) {
          var share = matched[doc] / slots.length;
          return { doc: +doc, score: totals[doc] * share * share };
        });
        results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        var all = words(query);
        return { results: results, highlight: highlight, manifest: manifest, slots: slots.length, phrase: all.length > 1 ? " " + all.join(" ") + " " : null };
      });
    });
  }

  /* The sentence (or heading, or description) of an article that best shows the query's
     words, with the section it is in. */
  function bestSnippet(fragment, highlight) {
    var best = null;
    function consider(text, section, bonus) {
      var found = {}, count = 0;
      words(text).forEach(function (word) { if (slotOf(highlight, word)) { if (!found[word]) count += 10; found[word] = true; count++; } });
      var score = count ? count + bonus : 0;
      if (score > 0 && (!best || score > best.score)) best = { text: text, section: section, score: score };
    }
    fragment.s.forEach(function (sentence) { consider(sentence[1], sentence[0], 0); });
    fragment.h.forEach(function (heading, index) { consider(heading[1], index, -0.5); });
    if (!best) best = { text: fragment.d || (fragment.s[0] && fragment.s[0][1]) || "", section: -1 };
    var heading = best.section >= 0 ? fragment.h[best.section] : null;
    return { text: best.text, anchor: heading ? "#" + heading[0] : "" };
  }

  /* Text with the query's words in <mark>, built as DOM nodes (never as HTML). */
  function appendMarked(parent, text, highlight) {
    var last = 0, match;
    var pattern = new RegExp(WORD.source, "gi");
    while ((match = pattern.exec(text))) {
      var word = elide(match[0].toLowerCase().replace(/\u2019/g, "'"));
      if (!slotOf(highlight, word)) continue;
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement("mark");
      mark.textContent = match[0];
      parent.appendChild(mark);
      last = match.index + match[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function fragments(results) {
    return Promise.all(results.map(function (result) { return load("d-" + result.doc); }));
  }

  /* The first results with their fragments, re-ranked by how well each title and the query
     cover each other (the F1 of the title's words the query matches and the query's slots the
     title matches): of articles that match alike, "What is a backup method?" answers "backup
     method" better than a longer title holding both words, and "Set up or change your backup
     method" answers "setting up a backup method" better than either. */
  var TITLE_COVERAGE = 1, PHRASE_BONUS = 1.5;
  /* Whether the article's title, description, a heading or a kept sentence holds the query's
     words in a row (stop words included): a banner's or an error message's exact words. */
  function containsPhrase(fragment, phrase) {
    var texts = [fragment.t, fragment.d].concat(fragment.h.map(function (h) { return h[1]; }), fragment.s.map(function (s) { return s[1]; }));
    return texts.some(function (text) { return (" " + words(text).join(" ") + " ").indexOf(phrase) >= 0; });
  }
  function topResults(found, count, manifest) {
    var first = found.results.slice(0, count);
    return fragments(first).then(function (loaded) {
      var ranked = [];
      loaded.forEach(function (fragment, i) {
        if (!fragment) return;
        var title = words(fragment.t).filter(function (word) { return !manifest.stop[word]; });
        var covered = 0, slots = {}, slotCount = 0;
        title.forEach(function (word) {
          var slot = slotOf(found.highlight, word);
          if (!slot) return;
          covered++;
          if (!slots[slot]) { slots[slot] = true; slotCount++; }
        });
        var precision = title.length ? covered / title.length : 0;
        var recall = found.slots ? slotCount / found.slots : 0;
        var f1 = precision + recall ? 2 * precision * recall / (precision + recall) : 0;
        var score = first[i].score * (1 + TITLE_COVERAGE * f1);
        if (found.phrase && containsPhrase(fragment, found.phrase)) score *= PHRASE_BONUS;
        ranked.push({ fragment: fragment, score: score, doc: first[i].doc });
      });
      ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      return ranked;
    });
  }

  /* One result's parts: link address, title, snippet, collection. */
  function describe(fragment, highlight) {
    var snippet = bestSnippet(fragment, highlight);
    var page = root + fragment.u;
    if (page.slice(-1) === "/") page += folderIndex;
    return { href: page + snippet.anchor, path: fragment.u, title: fragment.t, snippet: snippet.text, collection: fragment.c };
  }

  /* The header's (and the home page's) search box: a combobox with a listbox of links. */
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (input && list) {
    var active = -1, shown = [], latest = 0;
    var close = function () {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };
    var highlightOption = function (position) {
      var options = list.querySelectorAll("[role=option]:not([aria-disabled=true])");
      options.forEach(function (option, i) { option.setAttribute("aria-selected", String(i === position)); });
      active = position;
      if (position >= 0 && options[position]) {
        input.setAttribute("aria-activedescendant", options[position].id);
        options[position].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    };
    var show = function (query, items, highlight) {
      list.textContent = "";
      shown = items;
      if (!items.length) {
        var empty = document.createElement("li");
        empty.className = "search-empty";
        empty.setAttribute("role", "option");
        empty.setAttribute("aria-disabled", "true");
        empty.id = "search-option-none";
        empty.textContent = words_("{{t.search_no_match}}", { query: query });
        list.appendChild(empty);
        /* Not a dead end: the search page, with this query and the collections to browse. */
        var browse = document.createElement("a");
        browse.id = "search-option-0";
        browse.className = "search-browse";
        browse.setAttribute("role", "option");
        browse.setAttribute("aria-selected", "false");
        browse.tabIndex = -1;
        browse.href = root + "search/" + folderIndex + "?q=" + encodeURIComponent(query);
        browse.textContent = "{{t.search_browse}}";
        browse.addEventListener("mousedown", function (event) { if (event.button === 0) event.preventDefault(); });
        var browseItem = document.createElement("li");
        browseItem.setAttribute("role", "none");
        browseItem.appendChild(browse);
        list.appendChild(browseItem);
        shown = [{ href: browse.href }];
      }
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "none");
        var link = document.createElement("a");
        link.id = "search-option-" + i;
        link.setAttribute("role", "option");
        link.setAttribute("aria-selected", "false");
        link.tabIndex = -1;
        link.href = item.href;
        link.setAttribute("data-path", item.path);
        var title = document.createElement("span");
        title.className = "search-result-title";
        appendMarked(title, item.title, highlight);
        var snippet = document.createElement("span");
        snippet.className = "search-result-snippet";
        appendMarked(snippet, item.snippet, highlight);
        var meta = document.createElement("span");
        meta.className = "search-result-meta";
        meta.textContent = item.collection;
        link.appendChild(title);
        link.appendChild(snippet);
        link.appendChild(meta);
        /* Keeps the focus in the box, so the list stays open until the link is followed. */
        link.addEventListener("mousedown", function (event) { if (event.button === 0) event.preventDefault(); });
        li.appendChild(link);
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlightOption(items.length ? 0 : -1);
      /* On a phone the home page's box sits halfway down, and its list had room for one result
         and a half above the keyboard (session 23's reader trial): the first list of a visit
         to the box brings the box to the top of the screen. */
      var visible = window.visualViewport ? window.visualViewport.height : window.innerHeight;
      if (!broughtUp && document.activeElement === input && window.matchMedia("(max-width: 40rem)").matches
          && list.getBoundingClientRect().bottom > visible) {
        broughtUp = true;
        input.scrollIntoView({ block: "start" });
      }
    };
    var broughtUp = false;
    input.addEventListener("focus", function () { broughtUp = false; });
    var update = function () {
      var query = input.value, run = ++latest;
      if (!query.trim()) { list.textContent = ""; shown = []; close(); return; }
      search(query).then(function (found) {
        return topResults(found, 8, found.manifest).then(function (ranked) {
          if (run !== latest) return;
          var items = ranked.map(function (result) { return describe(result.fragment, found.highlight); });
          show(query.trim(), items, found.highlight);
          list.setAttribute("data-query", query);
        });
      });
    };
    input.addEventListener("input", update);
    /* A list closed by Escape opens again on an arrow key, at its first option. */
    var reopen = function () {
      if (!list.hidden) return false;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlightOption(0);
      return true;
    };
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && shown.length) { event.preventDefault(); if (!reopen()) highlightOption((active + 1) % shown.length); }
      else if (event.key === "ArrowUp" && shown.length) { event.preventDefault(); if (!reopen()) highlightOption((active - 1 + shown.length) % shown.length); }
      else if (event.key === "Enter" && active >= 0 && shown[active] && !list.hidden) { event.preventDefault(); location.href = shown[active].href; }
      /* The first Escape closes the list, the next clears the box (as the browser's own
         search fields do). */
      else if (event.key === "Escape") {
        /* Results still on their way (the first query loads the index) are dropped. */
        latest++;
        if (list.hidden && input.value) { event.preventDefault(); input.value = ""; list.textContent = ""; shown = []; }
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(function () { latest++; close(); }, 150); });
  }

  /* The search page: results for ?q=, ten at a time, updated as the reader types. */
  var pageInput = document.getElementById("search-page-input");
  var pageResults = document.getElementById("search-page-results");
  var pageStatus = document.getElementById("search-page-status");
  if (pageInput && pageResults) {
    var pageRun = 0, PAGE = 10;
    var more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.hidden = true;
    more.textContent = "{{t.search_show_more}}";
    pageResults.parentNode.insertBefore(more, pageResults.nextSibling);
    var current = null;
    var appendResults = function (run) {
      var next = { results: current.results.slice(current.shownCount), highlight: current.highlight, slots: current.slots, phrase: current.phrase };
      return topResults(next, PAGE, current.manifest).then(function (ranked) {
        if (run !== pageRun) return;
        ranked.forEach(function (result) {
          var fragment = result.fragment;
          var item = describe(fragment, current.highlight);
          var li = document.createElement("li");
          var link = document.createElement("a");
          link.href = item.href;
          var title = document.createElement("span");
          title.className = "article-list-title";
          appendMarked(title, item.title, current.highlight);
          link.appendChild(title);
          li.appendChild(link);
          var snippet = document.createElement("p");
          snippet.className = "search-result-snippet";
          appendMarked(snippet, item.snippet, current.highlight);
          li.appendChild(snippet);
          var meta = document.createElement("p");
          meta.className = "search-result-meta";
          meta.textContent = item.collection;
          li.appendChild(meta);
          pageResults.appendChild(li);
        });
        current.shownCount += Math.min(PAGE, next.results.length);
        more.hidden = current.shownCount >= current.results.length;
      });
    };
    var renderPage = function () {
      var query = pageInput.value.trim(), run = ++pageRun;
      if (history.replaceState) history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
      // The language switcher keeps the query: switching language mid-search lost it.
      document.querySelectorAll(".language-switcher a").forEach(function (link) {
        link.search = query ? "?q=" + encodeURIComponent(query) : "";
      });
      if (!query) {
        pageResults.textContent = "";
        more.hidden = true;
        if (pageStatus) pageStatus.textContent = "{{t.search_prompt}}";
        return;
      }
      search(pageInput.value).then(function (found) {
        if (run !== pageRun) return;
        current = { results: found.results, highlight: found.highlight, manifest: found.manifest, slots: found.slots, phrase: found.phrase, shownCount: 0 };
        pageResults.textContent = "";
        return appendResults(run).then(function () {
          if (run !== pageRun || !pageStatus) return;
          var count = found.results.length;
          pageStatus.textContent = count === 0 ? words_("{{t.search_page_no_match}}", { query: query })
            : plural(count) === "one" ? words_("{{t.search_page_matches_one}}", { count: count, query: query })
            : words_("{{t.search_page_matches_other}}", { count: count, query: query });
        });
      });
    };
    more.addEventListener("click", function () { if (current) appendResults(pageRun); });
    pageInput.addEventListener("input", renderPage);
    if (pageInput.form) pageInput.form.addEventListener("submit", function (event) { event.preventDefault(); renderPage(); });
    pageInput.value = new URLSearchParams(location.search).get("q") || "";
    if (pageInput.value.trim()) renderPage();
  }

  /* For tests and benchmarks: the first results of a query, as paths with their scores. */
  window.HelpCenterSearch.query = function (query) {
    return search(query).then(function (found) {
      return topResults(found, 8, found.manifest).then(function (ranked) {
        return ranked.map(function (result) { return { path: result.fragment.u, score: Math.round(result.score * 1000) / 1000 }; });
      });
    });
  };
})();
