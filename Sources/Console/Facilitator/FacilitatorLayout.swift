import ScreenKit

/// Where the facilitator's panes go for a terminal size. Wide terminals
/// (≥ 120×36) show the teams across the top and the truth, upcoming injects,
/// fault deck and session log below; compact ones (≥ 80×24) show the teams
/// and one tabbed pane; anything smaller shows a "terminal too small" notice.
public struct FacilitatorLayout: Sendable {
    public let width: Int
    public let height: Int
    public let kind: ScreenLayout.Kind
    public let header: Rect
    public let status: Rect
    public let panes: [(pane: FacilitatorPane, rect: Rect)]

    /// `teams` is how many rows the leaderboard has: its pane is no taller than it needs.
    public init(width: Int, height: Int, tab: FacilitatorPane, teams: Int = 8) {
        self.width = width
        self.height = height
        header = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        if width < ScreenLayout.minimumWidth || height < ScreenLayout.minimumHeight {
            kind = .tooSmall
            panes = []
        } else if width >= ScreenLayout.wideWidth && height >= ScreenLayout.wideHeight {
            kind = .wide
            let teamsHeight = max(8, min(teams + 5, (height - 2) * 2 / 5))
            let lowerY = 1 + teamsHeight
            let lowerHeight = height - 1 - lowerY
            let left = width / 2
            let top = lowerHeight / 2
            panes = [
                (.teams, Rect(x: 0, y: 1, width: width, height: teamsHeight)),
                (.truth, Rect(x: 0, y: lowerY, width: left, height: top)),
                (.injects, Rect(x: left, y: lowerY, width: width - left, height: top)),
                (.deck, Rect(x: 0, y: lowerY + top, width: left, height: lowerHeight - top)),
                (.log, Rect(x: left, y: lowerY + top, width: width - left, height: lowerHeight - top)),
            ]
        } else {
            kind = .compact
            let teamsHeight = max(7, min(teams + 5, (height - 2) / 2))
            let lowerY = 1 + teamsHeight
            panes = [
                (.teams, Rect(x: 0, y: 1, width: width, height: teamsHeight)),
                (FacilitatorPane.tabbed.contains(tab) ? tab : .truth, Rect(x: 0, y: lowerY, width: width, height: height - 1 - lowerY)),
            ]
        }
    }

    public func rect(of pane: FacilitatorPane) -> Rect? { panes.first { $0.pane == pane }?.rect }
}
