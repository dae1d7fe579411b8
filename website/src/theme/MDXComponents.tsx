/** The theme's MDX components plus StaticHtml, which website/plugins/rehype-static-html.ts emits. */
import MDXComponents from '@theme-original/MDXComponents';
import StaticHtml from '@site/src/components/StaticHtml';

export default { ...MDXComponents, StaticHtml };
