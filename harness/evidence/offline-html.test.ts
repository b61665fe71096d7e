import { describe, expect, it } from 'vitest';
import { stripAnalytics } from './offline-html.js';

// The tail of Allure 3.18's awesome template (plugin-awesome/dist/generators.js) as rendered.
const RENDERED = `<body><div id="app"></div>
    <script>window.allure = window.allure || {};</script>
    <script src="data:text/javascript;base64,QUJD"></script>
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date());
        gtag('config', 'G-LNDJ3J7WT0', { "report": "awesome" });
    </script>
    <script async>window.allureReportDataReady = false;</script>
</body>`;

describe('stripAnalytics', () => {
  it('removes the gtag loader and its inline config, keeps the report scripts', () => {
    const html = stripAnalytics(RENDERED);
    expect(html).not.toMatch(/googletagmanager|gtag|dataLayer/);
    expect(html).toContain('window.allure = window.allure || {};');
    expect(html).toContain('data:text/javascript;base64,QUJD');
    expect(html).toContain('window.allureReportDataReady = false;');
  });

  it('refuses a page that would still load something from the network', () => {
    expect(() => stripAnalytics('<link rel="stylesheet" href="https://fonts.example.org/a.css">')).toThrow(
      /still loads <link rel="stylesheet" href="https:\/\/fonts\.example\.org\/a\.css.*extend harness\/evidence\/offline-html\.ts/,
    );
  });
});
