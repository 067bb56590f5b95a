/// The scenario pack's texts.
enum ScenarioPack {
    static let firstDay = """
        id: first-day
        title: First day at Unicorn.Rentals
        rating: tutorial
        duration: 2h
        seed: 1
        par: { easy: 12100, normal: 12100, hard: 11700 }   # gameday balance, seeds 1-20
        budget: 120
        briefing: |
          Welcome to Unicorn.Rentals! The DevOps team quit last week and the pager is yours.
          Customers reach the router through the public load balancer; it calls web, which calls rentals, profiles and basket; rentals calls inventory and payments; payments calls an external payment provider; orders go through a queue to ordering.
          On the calendar: the newsletter goes out at 00:10 (expect two to three times the traffic for a while), a teammate deploys rentals v2 at 00:40, and the evening promotion starts at 01:35 (about three times the traffic). Anything else, you will find out. New tasks take about 3 minutes to get traffic: scale before you need to, and give capacity back when it is quiet — every task-minute is paid for.
          How to play: press ? for every key. Press : and type scale web 5, then Enter (Tab completes names). Arrows or j and k pick a service; Enter shows its tasks, timers and logs. a acknowledges an incident, r resolves it once its alarms are back to OK.

        traffic:
          spikes:
            - at: 00:10:00
              for: [10m, 14m]
              multiplier: [2, 3]
              announced: true
            - at: 01:35:00
              for: [12m, 18m]
              multiplier: [2.5, 3.5]
              announced: true
        timeline:
          - at: 00:28:00
            jitter: 5m
            fault: hang
            service: [rentals, web]
            count: 1
          - at: 00:40:00
            fault: bad-deploy
            service: rentals
            version: v2
            announced: true
          - at: 01:00:00
            jitter: 5m
            fault: latency
            service: payment-provider
            ms: [1200, 1800]
            for: [8m, 12m]
          - at: 01:15:00
            jitter: 5m
            fault: leak
            service: basket
            rate: [20, 40]

        quests:
          - title: Autoscaling on web at 00:10
            goal: autoscaling
            service: web
            by: 00:10:00
            bonus: 300
          - title: Roll back the bad rentals deploy within 5 minutes of it taking traffic
            goal: rollback
            service: rentals
            within: 5m
            bonus: 500
          - title: Acknowledge every incident within 2 minutes
            goal: acknowledge
            within: 2m
            bonus: 300
        """
}
