// The search page of treaty-serve. Everything it shows comes from the JSON API of the same
// server; document text is only ever set as text (textContent), never parsed as HTML, and every
// link it builds is a query string of this page, so a document cannot inject markup or script.
// The page's state is its URL: a search, a passage, its history or similar passages can be
// bookmarked and shared, and Back returns to the previous view.
'use strict';

const PAGE_SIZE = 10;
const CONTEXT = 2;
const COMMITTEES = ['CERD', 'CCPR', 'CESCR', 'CEDAW', 'CRC', 'CAT', 'CRPD', 'CMW', 'CED'];
const TYPES = ['concluding-observations', 'follow-up-letter', 'follow-up-information',
  'ngo-commentary', 'state-report', 'list-of-issues', 'reply-to-list-of-issues',
  'general-comment', 'decision', 'inquiry-follow-up-report', 'annual-report', 'other'];
const LANGUAGES = {
  en: 'English', fr: 'French', es: 'Spanish', ru: 'Russian', ar: 'Arabic', zh: 'Chinese',
  kk: 'Kazakh',
};
// URL parameters of a search, as the API names them, and the form fields holding them.
const FILTER_FIELDS = { committee: 'committee', state: 'state', type: 'type', lang: 'lang' };

const $ = (id) => document.getElementById(id);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

// A link to another view of this page.
function viewLink(text, params) {
  return element('a', { href: '?' + new URLSearchParams(params).toString(), text });
}

// Views rendered so far: an answer that arrives after a newer view began (filters changed
// quickly, Back pressed) is dropped, so the page never shows an older search's results.
let renderCount = 0;

class StaleAnswer extends Error {}

async function api(path, params) {
  const view = renderCount;
  const response = await fetch(path + '?' + params.toString(), {
    headers: { Accept: 'application/json' },
  });
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error(`the server answered ${response.status} without JSON`);
  }
  if (view !== renderCount) throw new StaleAnswer();
  if (!response.ok) throw new Error(body.error || `the server answered ${response.status}`);
  return body;
}

// --- the form and the URL -----------------------------------------------------------------

function urlParams() {
  return new URLSearchParams(window.location.search);
}

function fillForm(params) {
  $('q').value = params.get('q') || '';
  for (const [param, field] of Object.entries(FILTER_FIELDS)) {
    const value = params.get(param) || '';
    ensureOption($(field), value, value);
    $(field).value = value;
  }
  const year = params.get('year') || '';
  const [from, to] = year.includes('..') ? year.split('..') : [year, year];
  $('year-from').value = from;
  $('year-to').value = to;
  $('sort').value = params.get('sort') || 'relevance';
}

// The search the form describes, as URL parameters.
function formParams() {
  const params = new URLSearchParams();
  const q = $('q').value.trim();
  if (q) params.set('q', q);
  for (const [param, field] of Object.entries(FILTER_FIELDS)) {
    const value = $(field).value.trim();
    if (value) params.set(param, value);
  }
  const from = $('year-from').value.trim();
  const to = $('year-to').value.trim();
  if (from || to) params.set('year', from === to ? from : `${from}..${to}`);
  if ($('sort').value !== 'relevance') params.set('sort', $('sort').value);
  return params;
}

function go(params) {
  const query = params.toString();
  window.history.pushState(null, '', query ? '?' + query : window.location.pathname);
  render();
}

function ensureOption(select, value, label) {
  if (select.tagName !== 'SELECT' || !value) return;
  for (const option of select.options) if (option.value === value) return;
  select.append(element('option', { value, text: label }));
}

// Facet counts beside the filters' choices (the counts of the current result set).
function showFacets(facets) {
  const label = (field, value) => (field === 'lang' ? `${LANGUAGES[value] || value}` : value);
  const fill = (field, known, counts) => {
    const select = $(field);
    const current = select.value;
    select.replaceChildren(element('option', { value: '', text: 'any' }));
    const values = new Set([...known, ...Object.keys(counts || {})]);
    for (const value of values) {
      const count = counts && counts[value];
      const text = label(field, value) + (count ? ` (${count})` : '');
      select.append(element('option', { value, text }));
    }
    select.value = current;
  };
  fill('committee', COMMITTEES, facets && facets.committee);
  fill('type', TYPES, facets && facets.type);
  fill('lang', Object.keys(LANGUAGES), facets && facets.language);
  const states = $('state-list');
  states.replaceChildren();
  const stateCounts = (facets && facets.state) || {};
  for (const [state, count] of Object.entries(stateCounts).sort((a, b) => b[1] - a[1]))
    states.append(element('option', { value: state, text: `${state} (${count})` }));
  const years = (facets && facets.year) || {};
  const known = Object.keys(years).sort();
  $('year-from').placeholder = known[0] || '1965';
  $('year-to').placeholder = known[known.length - 1] || '2026';
  $('year-list').replaceChildren(...known.map((year) =>
    element('option', { value: year, text: `${year} (${years[year]})` })));
}

// --- pieces of a hit ------------------------------------------------------------------------

// The snippet with its matched words marked; highlights are [start, end) in code points.
function snippetNode(hit, tag = 'p') {
  const node = element(tag, { class: 'snippet', lang: hit.language, dir: 'auto' });
  const chars = Array.from(hit.snippet || '');
  let at = 0;
  for (const [start, end] of hit.highlights || []) {
    if (start < at || end > chars.length) continue;
    node.append(chars.slice(at, start).join(''));
    node.append(element('mark', { text: chars.slice(start, end).join('') }));
    at = end;
  }
  node.append(chars.slice(at).join(''));
  return node;
}

function copyButton(citation) {
  const button = element('button', { type: 'button', class: 'copy', text: 'Copy citation' });
  button.setAttribute('aria-label', `Copy the citation ${citation}`);
  button.dataset.citation = citation;
  button.addEventListener('click', () => copyCitation(citation, button));
  return button;
}

async function copyCitation(citation, button) {
  $('copied').value = citation;
  try {
    await navigator.clipboard.writeText(citation);
    button.textContent = 'Copied';
  } catch (e) {
    // No clipboard access (an insecure origin, a denied permission): select it in the field
    // below, ready for Ctrl-C.
    $('copied').focus();
    $('copied').select();
    button.textContent = 'Select and copy below';
  }
  setTimeout(() => { button.textContent = 'Copy citation'; }, 2000);
}

function pagesText(hit) {
  const pages = hit.pages || [];
  if (pages.length === 0) return '';
  return pages.length === 1 || pages[0] === pages[pages.length - 1]
    ? `p. ${pages[0]}` : `pp. ${pages[0]}–${pages[pages.length - 1]}`;
}

// A heading path as a line: its last two headings, each cut to a readable length (the whole
// path is the element's title).
function sectionNode(section, tag) {
  const parts = section.split(' > ');
  const cut = (part) => (part.length > 90 ? part.slice(0, 88) + '…' : part);
  const shown = (parts.length > 2 ? ['…'] : []).concat(parts.slice(-2).map(cut)).join(' › ');
  return element(tag, { class: 'section', text: shown, title: section, dir: 'auto' });
}

function documentLine(doc) {
  const parts = [doc.title || doc.symbol || doc.source];
  if (doc.symbol && doc.title) parts.push(doc.symbol);
  const about = [doc.committee, doc.state, doc.type, LANGUAGES[doc.language] || doc.language]
    .filter(Boolean).join(', ');
  if (about) parts.push(about);
  if (doc.date) parts.push(doc.date);
  return parts.join(' — ');
}

// What links a passage to others: grades, citations both ways, translations.
function linksNode(hit) {
  const list = element('ul', { class: 'links' });
  for (const grade of hit.grades || [])
    list.append(element('li', {}, `Assessed “${grade.grade}” by `,
      viewLink(grade.citation, { show: grade.citation }), grade.date ? ` (${grade.date})` : ''));
  if (hit.cited_by > 0)
    list.append(element('li', {}, viewLink(
      `Cited by ${hit.cited_by} passage${hit.cited_by === 1 ? '' : 's'}`, { cites: hit.citation })));
  const cited = (hit.cites || []).filter((c) => c.paragraph);
  if (cited.length > 0) {
    const item = element('li', {}, 'Cites ');
    cited.forEach((c, i) => {
      if (i > 0) item.append('; ');
      item.append(viewLink(c.citation, { show: c.citation }));
      if (c.grade) item.append(` (${c.grade})`);
    });
    list.append(item);
  }
  for (const other of hit.parallel || [])
    list.append(element('li', {}, `[${other.language}] `, viewLink(other.citation, { show: other.id })));
  return list.children.length ? list : null;
}

function hitNode(hit, options = {}) {
  const item = element('li', { class: 'hit' });
  const head = element('div', { class: 'hit-head' });
  head.append(viewLink(hit.citation, { show: hit.id }));
  head.firstChild.classList.add('citation');
  const pages = pagesText(hit);
  if (pages) head.append(element('span', { class: 'pages', text: ` (${pages})` }));
  if (options.relation) head.prepend(element('span', { class: 'relation', text: options.relation }));
  head.append(copyButton(hit.citation));
  item.append(head);
  if (hit.section) item.append(sectionNode(hit.section, 'div'));
  item.append(snippetNode(hit));
  item.append(element('div', { class: 'document', text: documentLine(hit.document), dir: 'auto' }));
  item.append(linksNode(hit) || '');
  const actions = element('div', { class: 'actions' });
  actions.append(viewLink('Read in context', { show: hit.id }), ' · ',
    viewLink('Similar paragraphs', { like: hit.id }), ' · ',
    viewLink('History', { history: hit.citation }));
  item.append(actions);
  return item;
}

// --- views ------------------------------------------------------------------------------------

function setStatus(text) {
  $('status').textContent = text;
}

function showError(error) {
  $('results').replaceChildren(element('p', { class: 'error', role: 'alert', text: error.message }));
  setStatus('');
  $('pager').hidden = true;
}

function showPager(params, result) {
  const offset = Number(params.get('offset') || 0);
  const shown = result.hits.length;
  $('pager').hidden = shown === 0 || (offset === 0 && shown >= result.total);
  $('page-label').textContent = shown ? `${offset + 1}–${offset + shown} of ${result.total}` : '';
  $('previous').disabled = offset === 0;
  $('next').disabled = offset + shown >= result.total;
  $('previous').onclick = () => {
    const next = new URLSearchParams(params);
    next.set('offset', Math.max(0, offset - PAGE_SIZE));
    go(next);
  };
  $('next').onclick = () => {
    const next = new URLSearchParams(params);
    next.set('offset', offset + PAGE_SIZE);
    go(next);
  };
}

async function showSearch(params) {
  const request = new URLSearchParams(params);
  request.set('n', PAGE_SIZE);
  request.set('facets', '1');
  request.set('parallel', '1');
  setStatus('Searching…');
  const result = await api('/api/search', request);
  showFacets(result.facets);
  const results = $('results');
  results.replaceChildren();
  if (result.suggestion) {
    const corrected = new URLSearchParams(params);
    corrected.set('q', result.suggestion);
    corrected.delete('offset');
    results.append(element('p', { class: 'suggestion' }, 'Did you mean ',
      viewLink(result.suggestion, corrected), '?'));
  }
  for (const warning of result.warnings || [])
    results.append(element('p', { class: 'warning', text: warning }));
  const list = element('ol', { class: 'hits', start: String(Number(params.get('offset') || 0) + 1) });
  for (const hit of result.hits) list.append(hitNode(hit));
  results.append(list);
  setStatus(result.total === 0 ? 'No passages found.'
    : `${result.total} passage${result.total === 1 ? '' : 's'} found.`);
  showPager(params, result);
}

async function showPassage(params) {
  const request = new URLSearchParams({ citation: params.get('show'), context: CONTEXT });
  setStatus('Loading…');
  const shown = await api('/api/show', request);
  const hit = shown.passage;
  const results = $('results');
  const article = element('article', { class: 'passage-view' });
  const head = element('div', { class: 'hit-head' },
    element('h2', { class: 'citation', text: hit.citation }), copyButton(hit.citation));
  article.append(head);
  article.append(element('p', { class: 'document', text: documentLine(hit.document), dir: 'auto' }));
  if (hit.section) article.append(sectionNode(hit.section, 'p'));
  const pages = pagesText(hit);
  if (pages) article.append(element('p', { class: 'pages', text: pages }));
  const context = element('div', { class: 'context' });
  const neighbour = (other) => {
    const block = element('div', { class: 'neighbour' });
    block.append(viewLink(`[${other.paragraph}]`, { show: other.id }), ' ');
    block.append(element('span', { text: other.text, lang: other.language, dir: 'auto' }));
    return block;
  };
  for (const other of shown.before) context.append(neighbour(other));
  context.append(element('div', { class: 'shown', id: 'shown-passage' },
    element('span', { class: 'label', text: `[${hit.paragraph}] ` }),
    element('span', { text: hit.text, lang: hit.language, dir: 'auto' })));
  for (const other of shown.after) context.append(neighbour(other));
  article.append(context);
  article.append(linksNode(hit) || '');
  const actions = element('div', { class: 'actions' });
  actions.append(viewLink('Passages citing it', { cites: hit.citation }), ' · ',
    viewLink('What it cites', { cited_by: hit.id }), ' · ',
    viewLink('Similar paragraphs', { like: hit.id }), ' · ',
    viewLink('History', { history: hit.citation }));
  article.append(actions);
  if ((hit.parallel || []).length > 0) {
    const translations = element('section', { class: 'translations' },
      element('h3', { text: 'In other languages' }));
    for (const other of hit.parallel) {
      translations.append(element('div', { class: 'translation' },
        viewLink(`${LANGUAGES[other.language] || other.language}: ${other.citation}`, { show: other.id }),
        element('p', { text: other.text, lang: other.language, dir: 'auto' })));
    }
    article.append(translations);
  }
  results.replaceChildren(article);
  $('pager').hidden = true;
  setStatus('');
}

async function showLike(params) {
  const request = new URLSearchParams({ citation: params.get('like'), n: PAGE_SIZE });
  if (params.get('offset')) request.set('offset', params.get('offset'));
  setStatus('Looking for similar paragraphs…');
  const result = await api('/api/like', request);
  const list = element('ol', { class: 'hits' });
  for (const hit of result.hits) list.append(hitNode(hit));
  $('results').replaceChildren(element('h2', { text: 'Similar paragraphs' }), list);
  setStatus(`${result.hits.length} similar passages, other States' first.`);
  showPager(params, result);
}

async function showHistory(params) {
  const request = new URLSearchParams({ citation: params.get('history') });
  setStatus('Loading the history…');
  const history = await api('/api/history', request);
  const list = element('ol', { class: 'hits history' });
  for (const entry of history.history) {
    const when = entry.passage.document.date || 'undated';
    list.append(hitNode(entry.passage, { relation: `${when} · ${entry.relation} · ` }));
  }
  $('results').replaceChildren(element('h2', { text: `History of ${history.citation}` }), list);
  $('pager').hidden = true;
  setStatus(history.history.length === 0 ? 'Nothing indexed is about it.'
    : `${history.history.length} passages, oldest first.`);
}

async function render() {
  renderCount += 1;
  const params = urlParams();
  fillForm(params);
  try {
    if (params.get('show')) return await showPassage(params);
    if (params.get('like')) return await showLike(params);
    if (params.get('history')) return await showHistory(params);
    if (params.get('q') || params.get('cites') || params.get('cited_by') || params.get('grade'))
      return await showSearch(params);
    $('results').replaceChildren();
    $('pager').hidden = true;
    setStatus('');
    showFacets(null);
  } catch (error) {
    if (!(error instanceof StaleAnswer)) showError(error);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    go(formParams());
  });
  // A changed filter narrows the current search at once.
  for (const id of ['committee', 'type', 'lang', 'sort']) {
    $(id).addEventListener('change', () => {
      if ($('q').value.trim()) go(formParams());
    });
  }
  $('clear-filters').addEventListener('click', () => {
    for (const id of ['committee', 'state', 'type', 'lang', 'year-from', 'year-to']) $(id).value = '';
    $('sort').value = 'relevance';
    if ($('q').value.trim()) go(formParams());
  });
  window.addEventListener('popstate', render);
  render();
});
