extension ScenarioPack {
    static let flashSale = """
        id: flash-sale
        title: Flash sale
        rating: easy
        duration: 1h
        seed: 11
        par: 11000
        budget: 150
        briefing: |
          Marketing just announced a one-hour unicorn flash sale at 00:15, and forgot to tell you until now.
          Expect eight times the usual traffic for twenty minutes, ramping up over three. New tasks take about three minutes to take traffic, and target tracking needs three minutes of datapoints before it acts: scale the router, web and everything behind them ahead of time.
          Spend is scored too: overprovisioning all hour will blow the budget.
        traffic:
          base: 150
          diurnal: 0.1
          spikes:
            - at: 00:15:00
              for: 20m
              multiplier: 8
              ramp: 3m
        quests:
          - title: Autoscaling on web before the sale
            goal: autoscaling
            service: web
            by: 00:14:00
            bonus: 300
          - title: Keep 95% of requests served
            goal: availability
            percent: 95
            by: 01:00:00
            bonus: 500
          - title: Stay within the budget
            goal: budget
            bonus: 300
        """

    static let badDeploy = """
        id: bad-deploy
        title: The deploy that passed its health checks
        rating: normal
        duration: 1h
        seed: 23
        par: 4500
        briefing: |
          A teammate is shipping rentals v2 at 00:10. It passes every health check, and a quarter of its answers are 500s: the deployment circuit breaker will not save you, only your alarms and a rollback will.
          Later someone tries inventory v2, which crashes on start: watch the circuit breaker count its failures.
        services:
          rentals:
            versions:
              - name: v2
                error-rate: 0.25
          inventory:
            versions:
              - name: v2
                crashes-on-start: true
        timeline:
          - at: 00:10:00
            fault: bad-deploy
            service: rentals
            version: v2
          - at: 00:35:00
            fault: bad-deploy
            service: inventory
            version: v2
        quests:
          - title: Roll back rentals within 5 minutes of the deploy
            goal: rollback
            service: rentals
            within: 5m
            bonus: 600
          - title: Acknowledge every incident within 2 minutes
            goal: acknowledge
            within: 2m
            bonus: 300
        """

    static let crashLoop = """
        id: crash-loop
        title: Out of memory, again
        rating: normal
        duration: 1h
        seed: 37
        par: 4900
        briefing: |
          basket v2 went out this morning with a memory leak: its tasks grow 60 MiB a minute and the kernel kills them at 1 GiB (OOMKilled, exit code 137). Each kill drops requests and the replacement needs minutes to serve.
          At 00:30 a config change sends ordering into a crash loop: watch the scheduler back off.
          Restart before the kills, and roll back what you can.
        services:
          basket:
            version: v2
            versions:
              - name: v2
                memory-leak: 60
          ordering:
            versions:
              - name: v2
                crashes-on-start: true
        timeline:
          - at: 00:30:00
            fault: bad-deploy
            service: ordering
            version: v2
          - at: 00:45:00
            fault: cpu-hog
            service: web
            percent: 50
            for: 8m
        quests:
          - title: Roll back ordering within 5 minutes
            goal: rollback
            service: ordering
            within: 5m
            bonus: 500
        """

    static let azOutage = """
        id: az-outage
        title: Availability Zone b goes dark
        rating: hard
        duration: 1h
        seed: 41
        par: 4900
        briefing: |
          At 00:15 Availability Zone b fails for twenty minutes and every task there stops. The scheduler will place replacements in a and c, but they need minutes to take traffic, and two zones must now carry the load of three, while the evening rush builds.
          Run with headroom before it happens.
        traffic:
          base: 170
          spikes:
            - at: 00:20:00
              for: 20m
              multiplier: 1.5
        timeline:
          - at: 00:15:00
            fault: zone-outage
            zone: b
            for: 20m
          - at: 00:40:00
            fault: noisy-neighbour
            zone: a
            percent: 40
            for: 10m
        quests:
          - title: Keep 90% of requests served
            goal: availability
            percent: 90
            by: 01:00:00
            bonus: 600
        """

    static let tightlyCoupled = """
        id: tightly-coupled
        title: Tightly coupled
        rating: hard
        duration: 1h
        seed: 53
        par: 1100
        briefing: |
          The payment provider is having a bad day: from 00:10 its answers take three extra seconds. Payments waits four seconds before giving up, rentals waits for payments, web waits for rentals: every thread up the chain fills with waiting, and the whole shop slows down with it. Tightly coupled systems live together and die together.
          Protect the callers: a shorter timeout (timeout payment-provider 1000) fails fast and keeps threads free; more tasks add threads.
        services:
          rentals:
            concurrency: 40
            depends-on:
              - service: inventory
                calls: 1
              - service: payments
                calls: 0.25
          payments:
            concurrency: 30
        timeline:
          - at: 00:10:00
            fault: latency
            service: payment-provider
            ms: 3000
            for: 20m
          - at: 00:40:00
            fault: throttle
            service: payment-provider
            rate: 20
            for: 10m
        """

    static let microservicesMadness = """
        id: microservices-madness
        title: Microservices Madness
        rating: hard
        duration: 2h
        seed: 67
        par: 10400
        budget: 140
        briefing: |
          Two hours, everything. Traffic spikes, hung tasks, bad deploys, leaks, a zone outage, a slow provider, and random trouble from the deck every few minutes.
          The scoreboard counts every request served, failed or slow, and every dollar. Good luck, new hire.
        services:
          rentals:
            versions:
              - name: v2
                error-rate: 0.3
          basket:
            versions:
              - name: v2
                memory-leak: 50
        traffic:
          spikes:
            - at: 00:20:00
              for: 15m
              multiplier: 4
            - at: 01:30:00
              for: 15m
              multiplier: 3
        timeline:
          - at: 00:35:00
            fault: bad-deploy
            service: rentals
            version: v2
          - at: 00:50:00
            fault: zone-outage
            zone: c
            for: 15m
          - at: 01:05:00
            fault: latency
            service: payment-provider
            ms: 2000
            for: 10m
          - at: 01:15:00
            fault: bad-deploy
            service: basket
            version: v2
        deck:
          every: 12m
          start: 00:05:00
          faults:
            - fault: hang
              service: web
              count: 1
              weight: 2
            - fault: kill
              service: router
            - fault: packet-loss
              service: inventory
              percent: 10
              for: 3m
            - fault: disk-full
              service: profiles
            - fault: dns-failure
              service: notifications
              for: 2m
        quests:
          - title: Roll back rentals within 5 minutes
            goal: rollback
            service: rentals
            within: 5m
            bonus: 600
          - title: Keep 90% of requests served
            goal: availability
            percent: 90
            by: 02:00:00
            bonus: 800
        """
}
