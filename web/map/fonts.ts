/**
 * Font stacks for symbol labels, and how labels render with no internet.
 *
 * The offline style has NO `glyphs` URL. Since maplibre-style-spec PR #1068 ("Relax requirement
 * for `glyphs` when using `text-field`"; in the style-spec 24 / maplibre-gl 5.24 we ship) a style
 * without `glyphs` is valid with text, and MapLibre then draws every glyph in the browser with TinySDF,
 * using the layer's `text-font` entries as CSS font families (plus `sans-serif`), at twice the
 * resolution of server glyph PBFs. See GlyphManager._getAndCacheGlyphsPromise in
 * node_modules/maplibre-gl/dist/maplibre-gl-dev.js: `if (!this.url || …) draw locally`.
 * So the names below are CSS family names of fonts installed on planners' machines, not names on a
 * glyph server: Noto Sans CJK / Source Han Sans on Linux, Microsoft YaHei on Windows, PingFang on
 * macOS. A glyph-PBF protocol (addProtocol + TinySDF + protobuf) would only add code and serve
 * Latin at half this resolution; CJK would still go through localIdeographFontFamily.
 *
 * MapLibre sniffs the weight from the first name ("… Bold" → 700) and joins the names into a CSS
 * font list; names must stay plain words (no quotes, commas or leading digits).
 */
export const FONT_REGULAR = ['Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC'];

export const FONT_BOLD = ['Noto Sans CJK SC Bold', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC'];

/** Fonts for our labels over a third-party basemap: its glyph server knows its own stacks only. */
export interface LabelFonts {
  regular: string[];
  bold: string[];
}

export const LOCAL_FONTS: LabelFonts = { regular: FONT_REGULAR, bold: FONT_BOLD };
