extension ScenarioPack {
    static let flashSale = """
        id: flash-sale
        title: Flash sale
        rating: easy
        duration: 1h
        seed: 11
        par: { easy: 7250, normal: 7500, hard: 8450 }   # gameday balance, seeds 1-20
        budget: 150
        briefing: |
          Marketing just announced a one-hour unicorn flash sale at 00:15, and forgot to tell you until now.
          Their forecast: six to nine times the usual traffic for about twenty minutes, ramping up over three, and every order still has to go out within five minutes. New tasks take about three minutes to take traffic, and target tracking needs three minutes of datapoints before it acts: scale the router, web, everything behind them and the order workers ahead of time.
          Spend is scored too: capacity you keep after the sale is money burnt.
        traffic:
          base: 150
          diurnal: 0.1
          spikes:
            - at: 00:15:00
              for: [17m, 23m]
              multiplier: [6, 9]
              ramp: 3m
              announced: true
        timeline:
          - at: 00:24:00
            jitter: 6m
            fault: hang
            service: [web, rentals]
            count: 1
        quests:
          - title: Autoscaling on web when the sale starts
            goal: autoscaling
            service: web
            by: 00:15:00
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
        budget: 40
        par: { easy: 5550, normal: 5550, hard: 5450 }   # gameday balance, seeds 1-20
        briefing: |
          A teammate is shipping rentals v2 at 00:10: a planned release, reviewed and tested. Later today someone else may ship too; nobody writes anything down here.
          Health checks and the deployment circuit breaker catch tasks that crash or never answer. They do not catch a version that answers, wrongly. Watch your alarms after every deploy, and know how to roll back.
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
            announced: true
          - at: 00:35:00
            jitter: 8m
            fault: bad-deploy
            service: inventory
            version: v2
        deck:
          every: 15m
          start: 00:05:00
          faults:
            - fault: hang
              service: [web, rentals, inventory]
              count: 1
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
        budget: 40
        par: { easy: 5350, normal: 5200, hard: 4700 }   # gameday balance, seeds 1-20
        briefing: |
          basket v2 went out this morning and the on-call notes say its memory "keeps creeping up". The kernel kills a container at its limit (OOMKilled, exit code 137); each kill drops requests and the replacement needs minutes to serve.
          Other teams deploy without telling anyone. Watch the inspector, the logs and the event feed: they say why a task stopped.
        services:
          basket:
            version: v2
            capacity: 50
            versions:
              - name: v2
                memory-leak: 60
          ordering:
            capacity: 6
            deployment:
              minimum-healthy-percent: 50
            versions:
              - name: v2
                crashes-on-start: true
        timeline:
          - at: 00:30:00
            jitter: 8m
            fault: bad-deploy
            service: ordering
            version: v2
          - at: 00:45:00
            jitter: 6m
            fault: cpu-hog
            service: [web, rentals]
            percent: [40, 60]
            for: [6m, 10m]
        deck:
          every: 15m
          start: 00:05:00
          faults:
            - fault: hang
              service: [web, basket]
              count: 1
        quests:
          - title: Roll back ordering within 5 minutes
            goal: rollback
            service: ordering
            within: 5m
            bonus: 500
        """

    static let azOutage = """
        id: az-outage
        title: An Availability Zone goes dark
        rating: hard
        duration: 1h
        seed: 41
        budget: 50
        par: { easy: 6550, normal: 7000, hard: 6250 }   # gameday balance, seeds 1-20
        briefing: |
          The region has been shaky all week. Every service runs across three Availability Zones; if one fails, the scheduler places replacements in the other two, and they need minutes to take traffic, while two zones carry the load of three.
          The evening rush builds from about 00:20: roughly one and a half times the usual traffic for twenty minutes. Run with headroom where it matters.
        traffic:
          base: 170
          spikes:
            - at: 00:20:00
              jitter: 3m
              for: [17m, 23m]
              multiplier: [1.3, 1.7]
              announced: true
        timeline:
          - at: 00:15:00
            jitter: 10m
            fault: zone-outage
            zone: [a, b]
            for: [18m, 22m]
          - at: 00:42:00
            jitter: 6m
            fault: noisy-neighbour
            zone: [a, b, c]
            percent: [30, 50]
            for: [8m, 12m]
        deck:
          every: 15m
          start: 00:05:00
          faults:
            - fault: hang
              service: [web, rentals]
              count: 1
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
        budget: 40
        par: { easy: 3650, normal: 3200, hard: 3050 }   # gameday balance, seeds 1-20
        briefing: |
          Payments calls an external payment provider, and the provider's status page has been amber twice this month. Payments waits four seconds before giving up, rentals waits for payments, web waits for rentals: a slow answer at the end of the chain fills every thread above it with waiting, and the whole shop slows down with it. Tightly coupled systems live together and die together.
          If it happens: protect the callers. A shorter timeout on the slow dependency fails fast and keeps threads free (for the provider: timeout payment-provider 1000, the callers give up after one second); more tasks add threads.
        services:
          rentals:
            concurrency: 30
            depends-on:
              - service: inventory
                calls: 1
              - service: payments
                calls: 0.25
          payments:
            concurrency: 30
        timeline:
          - at: 00:10:00
            jitter: 6m
            fault: latency
            service: payment-provider
            ms: [3200, 3800]
            for: [17m, 23m]
          - at: 00:42:00
            jitter: 6m
            fault: throttle
            service: payment-provider
            rate: [15, 25]
            for: [8m, 12m]
        deck:
          every: 15m
          start: 00:05:00
          faults:
            - fault: hang
              service: [web, rentals]
              count: 1
        """

    static let microservicesMadness = """
        id: microservices-madness
        title: Microservices Madness
        rating: hard
        duration: 2h
        seed: 67
        par: { easy: 11300, normal: 10700, hard: 10200 }   # gameday balance, seeds 1-20
        budget: 160
        briefing: |
          Two hours, everything. Marketing has two campaigns on the calendar, at 00:20 (about four times the traffic for fifteen minutes) and at 01:30 (about three times). A teammate ships rentals v2 at 00:35. Beyond that: zone trouble, a slow provider, leaks, hung tasks and random trouble from the deck every few minutes, when they happen.
          The scoreboard counts every request served, failed or slow, every order, every dollar and every minute an incident waits. Good luck, new hire.
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
              jitter: 2m
              for: [12m, 18m]
              multiplier: [3.5, 4.5]
              announced: true
            - at: 01:30:00
              jitter: 2m
              for: [12m, 18m]
              multiplier: [2.5, 3.5]
              announced: true
        timeline:
          - at: 00:35:00
            fault: bad-deploy
            service: rentals
            version: v2
            announced: true
          - at: 00:50:00
            jitter: 10m
            fault: zone-outage
            zone: [a, b, c]
            for: [10m, 20m]
          - at: 01:05:00
            jitter: 10m
            fault: latency
            service: payment-provider
            ms: [1500, 2500]
            for: [8m, 12m]
          - at: 01:15:00
            jitter: 10m
            fault: bad-deploy
            service: basket
            version: v2
        deck:
          every: 12m
          start: 00:05:00
          faults:
            - fault: hang
              service: [web, rentals, profiles]
              count: 1
              weight: 2
            - fault: kill
              service: [router, web]
            - fault: packet-loss
              service: [inventory, profiles]
              percent: [5, 15]
              for: [2m, 4m]
            - fault: disk-full
              service: [profiles, basket]
            - fault: dns-failure
              service: notifications
              for: [1m, 3m]
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
