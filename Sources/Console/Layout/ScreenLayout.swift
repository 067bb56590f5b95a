import ScreenKit

/// Where each pane goes for a terminal size. Wide terminals (≥ 120×36) show
/// every pane; compact ones (≥ 80×24) show services, score and one tabbed
/// pane; anything smaller shows only a "terminal too small" notice.
public struct ScreenLayout: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case tooSmall, compact, wide }

    public static let minimumWidth = 80
    public static let minimumHeight = 24
    public static let wideWidth = 120
    public static let wideHeight = 36

    public let width: Int
    public let height: Int
    public let kind: Kind
    public let header: Rect
    public let status: Rect
    /// Visible panes and their rectangles, in drawing order.
    public let panes: [(pane: Pane, rect: Rect)]

    public init(width: Int, height: Int, tab: Pane, serviceCount: Int, scalableCount: Int) {
        self.width = width
        self.height = height
        header = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        if width < Self.minimumWidth || height < Self.minimumHeight {
            kind = .tooSmall
            panes = []
        } else if width >= Self.wideWidth && height >= Self.wideHeight {
            kind = .wide
            let right = min(64, max(42, width * 36 / 100))
            let left = width - right
            let servicesHeight = min(serviceCount + 3, (height - 2) / 2)
            let scalingHeight = min(scalableCount + 3, max(6, (height - 2 - servicesHeight) / 2))
            let bottomY = 1 + servicesHeight + scalingHeight
            let bottomHeight = height - 1 - bottomY
            let scoreHeight = min(17, max(14, (height - 2) / 2))
            let restHeight = height - 2 - scoreHeight
            let incidentsHeight = max(5, restHeight * 2 / 5)
            panes = [
                (.services, Rect(x: 0, y: 1, width: left, height: servicesHeight)),
                (.scaling, Rect(x: 0, y: 1 + servicesHeight, width: left, height: scalingHeight)),
                (.inspector, Rect(x: 0, y: bottomY, width: left / 2, height: bottomHeight)),
                (.logs, Rect(x: left / 2, y: bottomY, width: left - left / 2, height: bottomHeight)),
                (.score, Rect(x: left, y: 1, width: right, height: scoreHeight)),
                (.incidents, Rect(x: left, y: 1 + scoreHeight, width: right, height: incidentsHeight)),
                (.events, Rect(x: left, y: 1 + scoreHeight + incidentsHeight, width: right, height: restHeight - incidentsHeight)),
            ]
        } else {
            kind = .compact
            let servicesHeight = min(serviceCount + 3, height - 11)
            let lowerY = 1 + servicesHeight
            let lowerHeight = height - 1 - lowerY
            let scoreWidth = 34
            panes = [
                (.services, Rect(x: 0, y: 1, width: width, height: servicesHeight)),
                (.score, Rect(x: 0, y: lowerY, width: scoreWidth, height: lowerHeight)),
                (Pane.tabbed.contains(tab) ? tab : .incidents, Rect(x: scoreWidth, y: lowerY, width: width - scoreWidth, height: lowerHeight)),
            ]
        }
    }

    public func rect(of pane: Pane) -> Rect? { panes.first { $0.pane == pane }?.rect }

    /// The pane under a cell, for mouse clicks.
    public func pane(atX x: Int, y: Int) -> Pane? { panes.first { $0.rect.contains(x: x, y: y) }?.pane }

    public static func == (a: ScreenLayout, b: ScreenLayout) -> Bool {
        a.width == b.width && a.height == b.height && a.kind == b.kind
            && a.panes.map(\.pane) == b.panes.map(\.pane) && a.panes.map(\.rect) == b.panes.map(\.rect)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width); hasher.combine(height)
    }
}
