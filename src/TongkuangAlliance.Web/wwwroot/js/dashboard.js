// Draws the dashboard's monthly trend from the JSON block the page renders (no inline script: CSP-ready).
(function () {
    'use strict';
    function draw() {
        var data = document.getElementById('dashboard-trend');
        var canvas = document.getElementById('trend-chart');
        if (!data || !canvas || typeof Chart === 'undefined') return;
        var trend = JSON.parse(data.textContent);
        var colours = ['#C8161D', '#D4A017', '#1F5FAD', '#2E7D32'];
        new Chart(canvas, {
            type: 'line',
            data: {
                labels: trend.labels,
                datasets: trend.series.map(function (s, i) {
                    return { label: s.name, data: s.values, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], tension: 0.2 };
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
            }
        });
        canvas.setAttribute('data-drawn', 'true');
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
