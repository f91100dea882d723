/**
 * MapLibre's own words (control tooltips, the scale bar's units, the map's accessible name) in
 * Chinese, as the rest of the app. Every key of MapLibre's default locale is given (locale.test.ts
 * reads them from the installed maplibre-gl), so an upgrade that adds one fails the test rather
 * than leaving English on a planner's screen.
 */
export const MAP_LOCALE_ZH: Readonly<Record<string, string>> = Object.freeze({
  'AttributionControl.ToggleAttribution': '显示或隐藏数据来源',
  'AttributionControl.MapFeedback': '地图反馈',
  'FullscreenControl.Enter': '全屏',
  'FullscreenControl.Exit': '退出全屏',
  'GeolocateControl.FindMyLocation': '定位到我的位置',
  'GeolocateControl.LocationNotAvailable': '无法获取位置',
  'GlobeControl.Enable': '启用地球视图',
  'GlobeControl.Disable': '关闭地球视图',
  'LogoControl.Title': 'MapLibre 标志',
  'Map.Title': '宗地地图',
  'Marker.Title': '标记',
  'NavigationControl.ResetBearing': '拖动旋转地图，单击恢复正北',
  'NavigationControl.ZoomIn': '放大',
  'NavigationControl.ZoomOut': '缩小',
  'Popup.Close': '关闭',
  'ScaleControl.Feet': '英尺',
  'ScaleControl.Meters': '米',
  'ScaleControl.Kilometers': '公里',
  'ScaleControl.Miles': '英里',
  'ScaleControl.NauticalMiles': '海里',
  'TerrainControl.Enable': '启用地形',
  'TerrainControl.Disable': '关闭地形',
  'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 滚动滚轮缩放地图',
  'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 滚动滚轮缩放地图',
  'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
});
