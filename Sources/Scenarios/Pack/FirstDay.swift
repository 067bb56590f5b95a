/// The scenario pack's texts.
enum ScenarioPack {
    static let firstDay = """
        id: first-day
        title: First day at Unicorn.Rentals
        rating: tutorial
        duration: 2h
        seed: 1
        par: 9800
        budget: 120
        briefing: |
          Welcome to Unicorn.Rentals! The DevOps team quit last week and the pager is yours.
          Customers reach the router through the public load balancer; it calls web, which calls rentals, profiles and basket; rentals calls inventory and payments; payments calls an external payment provider; orders go through a queue to ordering.
          Expect a traffic spike, a hung task, a bad deploy, a slow payment provider and a memory leak. New tasks take about 3 minutes to get traffic: scale before you need to.
          How to play: press ? for every key. Press : and type scale web 5, then Enter (Tab completes names). Arrows or j and k pick a service; Enter shows its tasks, timers and logs. a acknowledges an incident, r resolves it once its alarm is back to OK. Space pauses; + and - change the speed.

        timeline:
          - at: 00:10:00
            fault: spike
            multiplier: 2.5
            for: 12m
          - at: 00:28:00
            fault: hang
            service: rentals
            count: 1
          - at: 00:40:00
            fault: bad-deploy
            service: rentals
            version: v2
          - at: 01:00:00
            fault: latency
            service: payment-provider
            ms: 1500
            for: 10m
          - at: 01:15:00
            fault: leak
            service: basket
            rate: 30
          - at: 01:35:00
            fault: spike
            multiplier: 3
            for: 15m

        quests:
          - title: Autoscaling on web before 00:10
            goal: autoscaling
            service: web
            by: 00:10:00
            bonus: 300
          - title: Roll back the bad rentals deploy within 5 minutes
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
