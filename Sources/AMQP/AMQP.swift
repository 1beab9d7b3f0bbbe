enum AMQPPlaceholder {}
