from inventory_app.app import main

main()
