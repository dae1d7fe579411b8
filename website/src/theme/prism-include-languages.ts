/**
 * Replaces the theme's loader of Prism's `additionalLanguages`. Every code block is highlighted at
 * build time (plugins/rehype-static-code.ts, with prism-react-renderer's grammars, which cover the
 * site's TypeScript, JSON, Python and text), so the browser registers no grammar; the theme's loader
 * would still bundle Prism's component index (`require(\`prismjs/components/prism-${lang}\`)`
 * resolves it even with no language) into the main bundle.
 */
export default function prismIncludeLanguages(): void {}
