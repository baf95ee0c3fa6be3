'use strict';

// The upload page: sends the chosen images to /classify (multipart, at most MAX_FILES a request) and draws
// each result. Text from the server or from file names only ever goes into textContent, never into HTML.
const MAX_FILES = 64;

const drop = document.getElementById('drop');
const input = document.getElementById('files');
const statusLine = document.getElementById('status');
const results = document.getElementById('results');

function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
        node.className = className;
    }
    if (text !== undefined && text !== null) {
        node.textContent = text;
    }
    return node;
}

function percent(value) {
    return (value * 100).toFixed(value >= 0.995 || value < 0.0005 ? 0 : 1) + ' %';
}

function setStatus(text, isError) {
    statusLine.textContent = text;
    statusLine.classList.toggle('error', Boolean(isError));
}

// A problem detail (RFC 9457) as one readable sentence; anything else as its HTTP status.
async function problemMessage(response) {
    try {
        const problem = await response.json();
        const title = problem.title || ('HTTP ' + response.status);
        return problem.detail ? title + ': ' + problem.detail : title;
    } catch (e) {
        return 'HTTP ' + response.status + ' ' + response.statusText;
    }
}

async function showModel() {
    const line = document.getElementById('model');
    try {
        const response = await fetch('models/current', {headers: {Accept: 'application/json'}});
        if (!response.ok) {
            line.textContent = 'No model: ' + await problemMessage(response);
            return;
        }
        const model = await response.json();
        const accuracy = model.testAsUploads ? model.testAsUploads.accuracy : (model.test ? model.test.accuracy : null);
        line.textContent = 'Model ' + model.version + ' on ' + (model.serving ? model.serving.engine : '?')
            + (accuracy !== null ? ' \u00b7 ' + percent(accuracy) + ' on the Fashion-MNIST test images' : '');
        line.dataset.version = model.version;
        const link = document.getElementById('model-link');
        link.href = 'models/' + encodeURIComponent(model.version) + '/report';
        link.textContent = 'Model report';
    } catch (e) {
        line.textContent = 'The service cannot be reached.';
    }
}

function thumbnail(file) {
    const image = element('img');
    image.alt = file.name;
    const reader = new FileReader();
    // A data: URL: the page's content security policy allows images from the page itself and data: only.
    reader.onload = () => { image.src = reader.result; };
    reader.readAsDataURL(file);
    return image;
}

function bars(result) {
    const chart = element('div', 'bars');
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', 'Probability of each class');
    for (const [label, probability] of Object.entries(result.probabilities)) {
        const row = element('div', label === result.label ? 'bar predicted' : 'bar');
        row.dataset.label = label;
        row.dataset.probability = String(probability);
        const track = element('span', 'track');
        const fill = element('span', 'fill');
        fill.style.width = Math.max(0, Math.min(100, probability * 100)).toFixed(1) + '%';
        fill.style.display = 'block';
        track.appendChild(fill);
        row.append(element('span', 'name', label), track, element('span', 'value', percent(probability)));
        chart.appendChild(row);
    }
    return chart;
}

function details(result) {
    const list = element('dl');
    const add = (term, value) => {
        if (value === undefined || value === null || value === '') {
            return;
        }
        list.appendChild(element('dt', null, term));
        const definition = element('dd');
        if (value instanceof Node) {
            definition.appendChild(value);
        } else {
            definition.textContent = value;
        }
        list.appendChild(definition);
    };
    const attributes = result.attributes;
    if (attributes && attributes.colours) {
        const swatches = element('div', 'swatches');
        for (const colour of attributes.colours) {
            const swatch = element('span', 'swatch');
            const chip = element('i');
            chip.style.background = colour.hex;
            swatch.append(chip, element('span', null, colour.name + ' ' + percent(colour.share)));
            swatches.appendChild(swatch);
        }
        add('Colours', swatches);
    }
    add('Pattern', attributes && attributes.pattern ? attributes.pattern.value : null);
    add('Sleeves', attributes && attributes.sleeveLength ? attributes.sleeveLength.value : null);
    add('Title', result.title);
    add('Description', result.description);
    add('Attributes', result.attributesNote);
    return list;
}

function card(file, result) {
    const box = element('article', 'card');
    box.dataset.file = result.file;
    const head = element('header');
    const summary = element('div');
    summary.append(element('div', 'label', result.label),
        element('div', 'confidence', percent(result.confidence) + ' confident'),
        element('div', 'file', result.file));
    if (result.needsReview === true) {
        summary.appendChild(element('div', 'review', 'Needs review' + (result.reviewReason ? ': ' + result.reviewReason : '')));
    } else if (result.needsReview === false) {
        summary.appendChild(element('div', 'reviewed', 'No review needed'));
    }
    head.append(thumbnail(file), summary);
    box.append(head, bars(result), details(result));
    return box;
}

async function classify(files) {
    const chosen = Array.from(files);
    if (chosen.length === 0) {
        return;
    }
    let done = 0;
    for (let start = 0; start < chosen.length; start += MAX_FILES) {
        const batch = chosen.slice(start, start + MAX_FILES);
        const form = new FormData();
        batch.forEach(file => form.append('file', file, file.name));
        setStatus('Classifying ' + chosen.length + ' image' + (chosen.length === 1 ? '' : 's') + '\u2026');
        let response;
        try {
            response = await fetch('classify', {method: 'POST', body: form, headers: {Accept: 'application/json'}});
        } catch (e) {
            setStatus('The service cannot be reached.', true);
            return;
        }
        if (!response.ok) {
            setStatus(await problemMessage(response), true);
            return;
        }
        const answer = await response.json();
        // Newest request first, and within it the upload order.
        const cards = answer.results.map((result, i) => card(batch[i], result));
        results.prepend(...cards);
        done += batch.length;
    }
    setStatus(done + ' image' + (done === 1 ? '' : 's') + ' classified.');
}

input.addEventListener('change', () => {
    classify(input.files);
    input.value = '';
});
drop.addEventListener('dragover', event => {
    event.preventDefault();
    drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', event => {
    event.preventDefault();
    drop.classList.remove('over');
    classify(event.dataTransfer.files);
});

showModel();
