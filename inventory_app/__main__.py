from inventory_app.cli import main

raise SystemExit(main())
